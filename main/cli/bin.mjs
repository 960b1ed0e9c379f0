#!/usr/bin/env node
// The `civicdesk` command: runs the TypeScript CLI through tsx's loader.
import { register } from 'tsx/esm/api';

register();
await import('./index.ts');
