export * from './address-query';
export * from './address-record';
export * from './address-tokens';
export * from './address-wire';
export * from './street-match';
