import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';

/** Client-generated, time-ordered ids: any desk can mint them offline without collisions. */
export const newId = (): string => uuidv7();

export const IdSchema = z.uuid({ version: 'v7', message: 'must be a UUIDv7 id' });
