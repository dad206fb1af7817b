// ace-builds lists its snippet modules in ace-modules.d.ts, which its own typings never include.
declare module 'ace-builds/src-noconflict/snippets/json';
