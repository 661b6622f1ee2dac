/** See native-abi.mjs: the NODE_MODULE_VERSION a compiled addon was built for, or null. */
export declare function nodeModuleVersionOf(addon: string | Buffer): number | null;
