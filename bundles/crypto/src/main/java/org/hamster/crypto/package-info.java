/**
 * Substrate-compatible cryptography: Blake2b and twox hashing, Ed25519 keys and signatures, SS58
 * addresses, BIP39 mnemonics, Substrate key derivation ({@code //Alice}) and an encrypted keystore
 * in the polkadot.js JSON format.
 */
@Version("0.1.0")
package org.hamster.crypto;

import org.osgi.annotation.versioning.Version;
