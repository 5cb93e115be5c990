// Stub for fhirclient's optional webcrypto shim: every supported runtime has WebCrypto.
module.exports = globalThis.crypto;
module.exports.default = globalThis.crypto;
