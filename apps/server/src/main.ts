import { readEnv } from "./env";
import { growOldGenerationFurther } from "./heap-growth";
import { createLogger } from "./logger";
import { startParleyServer } from "./server";

growOldGenerationFurther();
const env = readEnv();
const logger = createLogger(env);

try {
  const parley = await startParleyServer(env, logger);

  const shutdown = (signal: NodeJS.Signals) => {
    logger.info({ signal }, "shutting down");
    // A second signal while draining means "now".
    process.once(signal, () => process.exit(1));
    parley.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, "unclean shutdown");
        process.exit(1);
      },
    );
  };
  process.once("SIGTERM", shutdown);
  process.once("SIGINT", shutdown);
} catch (error) {
  logger.fatal({ err: error }, "server failed to start");
  process.exit(1);
}
