export { startTestServer, type DemoTokens, type TestServer } from './startTestServer.js';
export { closeReasons, connectProvider, type TestProvider } from './connectProvider.js';
export { waitFor } from './waitFor.js';
export { appendParagraph, appendStoredParagraph } from './editContent.js';
export { api } from './api.js';
export { afterProcessed } from './afterProcessed.js';
export { command, type CommandReply } from './command.js';
export { spawnServer, type SpawnedServer } from './spawnServer.js';
export { insertThreads, type BulkThreads } from './insertThreads.js';
export { rawRequest } from './rawRequest.js';
export { rawCollabClient, MESSAGE, type RawCollabClient } from './rawCollabClient.js';
export { storedDocument, storedDocumentAt, storedSectionText } from './storedDocument.js';
export {
  useFixture,
  startFixture,
  Fixture,
  FixturePlan,
  FixturePartnership,
  type FixtureOptions,
  type FixtureSection,
  type FixturePerson,
  type PlanRequest,
} from './fixture.js';
export { createTestDatabase, DEFAULT_TEST_DATABASE_URL, type TestDatabase } from './testDatabase.js';
export { Prng } from './prng.js';
export { RaceEditor } from './raceEditor.js';
export { randomEdit } from './randomEdit.js';
export { runRandomNetwork, RACE_PARTIES, type RandomNetworkOptions, type RandomNetworkRun } from './randomNetwork.js';
export { lockViolations, type LoggedEvent } from './lockInvariants.js';
export { bodyFingerprint, replicaViolations } from './replicaViolations.js';
export { insertSections, type NewSections } from './insertSections.js';
export { startEmptyServer, type EmptyServer } from './startEmptyServer.js';
export { startSmtpCatcher, type SmtpCatcher, type CaughtMail } from './smtpCatcher.js';
export { adminPartnershipSpec, ADMIN_TEST_PASSWORD } from './adminPartnership.js';
export { connectYWebsocket, type TestYWebsocket } from './connectYWebsocket.js';
export { awarenessFrame, updateFrame, Y_MESSAGE } from './yWebsocketFrames.js';
export { TestClock, MINUTE, HOUR, DAY } from './testClock.js';
export {
  publishHearing,
  respondToHearing,
  sampleResponse,
  nextClientAddress,
  respondWithSecretQuoteThenRedact,
  type PublishedHearing,
  type HearingReply,
  type SubmittedHearingResponse,
} from './hearings.js';
export { spawnCluster, demoLogin, TEST_REDIS_URL, type TestCluster } from './spawnCluster.js';
export { privatePostgres, privateRedis, freePort, type PrivateService } from './privateServices.js';
