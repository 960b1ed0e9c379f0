/** Omit that keeps a union a union (each member loses the key on its own). */
export type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
