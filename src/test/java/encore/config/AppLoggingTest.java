package encore.config;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The desktop app's log configuration, loaded by Logback itself into a context of its own. */
class AppLoggingTest {

    @TempDir
    Path logs;

    @Test
    void the_app_log_goes_to_the_log_folder_and_rolls() throws Exception {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
        context.putProperty("encore.logDir", logs.toString());
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(AppLogging.class.getClassLoader().getResource(AppLogging.APP_CONFIG));
        var log = context.getLogger("encore.test");
        log.info("first line of the app log");
        log.debug("not written at the default level");
        context.getLogger("org.duckdb").info("other libraries log warnings only");
        var appender = (RollingFileAppender<?>) context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("FILE");
        var policy = (SizeAndTimeBasedRollingPolicy<?>) appender.getRollingPolicy();
        context.stop();

        assertThat(Files.readString(logs.resolve("encore.log"))).contains("INFO").contains("first line of the app log")
            .doesNotContain("not written").doesNotContain("other libraries");
        assertThat(policy.getFileNamePattern()).isEqualTo(logs + "/encore.%d{yyyy-MM-dd}.%i.log.gz");
        assertThat(policy.getMaxHistory()).isEqualTo(14);
    }
}
