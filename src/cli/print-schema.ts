import fs from 'node:fs';
import { printNewsgraphSchema } from '../graphql/build-schema.ts';

// Writes schema.graphql from the code (the committed file is checked against this in tests).
const target = process.argv[2] ?? 'schema.graphql';
fs.writeFileSync(target, printNewsgraphSchema());
console.log(`wrote ${target}`);
