export * from './cases';
export * from './desk';
export * from './sync';
export * from './reports';
export * from './errors';
export * from './operations';
export * from './bridge';
export * from './security';
