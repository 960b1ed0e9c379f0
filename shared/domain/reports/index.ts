export * from './calendar';
export * from './labels';
export * from './period-aggregate';
export * from './report-schemas';
export * from './shift-aggregate';
export * from './stats';
