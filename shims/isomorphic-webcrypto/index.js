"use strict";
// fhirclient: `globalThis.crypto ? globalThis.crypto : require("isomorphic-webcrypto").default`
module.exports = { default: globalThis.crypto };
