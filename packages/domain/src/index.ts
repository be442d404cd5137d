export * from './types.js';
export * from './errors.js';
export * from './api.js';
export * from './documentName.js';
export * from './canonicalJson.js';
export * from './policies/plans.js';
export * from './policies/sections.js';
export * from './template.js';
