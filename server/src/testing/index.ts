export { startTestServer, type DemoTokens, type TestServer } from './startTestServer.js';
export { connectProvider, type TestProvider } from './connectProvider.js';
export { waitFor } from './waitFor.js';
export { appendParagraph } from './editContent.js';
export { api } from './api.js';
export { afterProcessed } from './afterProcessed.js';
export { command, type CommandReply } from './command.js';
export { useTestServer } from './useTestServer.js';
export { rawRequest } from './rawRequest.js';
