export * from './cases';
export * from './desk';
export * from './errors';
export * from './operations';
export * from './bridge';
export * from './security';
