#!/usr/bin/env node
// Runs scripts/peapod.ts from source: the project is not compiled ahead of time.
require('ts-node').register({ transpileOnly: true, project: require('path').join(__dirname, '..', 'tsconfig.json') });
require('../scripts/peapod.ts');
