export * from './cases';
export * from './errors';
export * from './operations';
