// file-type is ESM only, which Jest's CommonJS module loader cannot run. Node itself can
// require() it (Node >= 22.12), so the tests load it with Node's own require, taken from
// process.getBuiltinModule (Jest's `require('node:module')` would hand back its own loader).
module.exports = process.getBuiltinModule('node:module').createRequire(__filename)('file-type');
