import { z } from 'zod';

export interface Operation<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType, A extends boolean = boolean> {
  input: I;
  output: O;
  /** Whether the operation changes the desk database (the bridge may treat reads differently). */
  writes: boolean;
  /** Whether it may run before anybody has signed in at this desk. */
  beforeSignIn: boolean;
  /** Whether main answers it later (it waits on the network); the others answer at once from the desk database. */
  async: A;
}

export const op = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O, writes: boolean, beforeSignIn = false): Operation<I, O, false> => ({
  input,
  output,
  writes,
  beforeSignIn,
  async: false,
});
export const networkOp = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O, writes: boolean, beforeSignIn = false): Operation<I, O, true> => ({
  input,
  output,
  writes,
  beforeSignIn,
  async: true,
});
export const nothing = z.object({}).strict();

