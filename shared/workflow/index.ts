export * from './handle-time';
export * from './intake-machine';
export * from './intake-snapshot';
export * from './lifecycle-machine';
