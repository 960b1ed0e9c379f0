export * from './mutations';
export * from './protocol';
export * from './apply';
export * from './canonical';
