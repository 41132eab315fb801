package dev.keyhound.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

/** keyhound's version, from the Maven metadata packaged in the jar ("dev" when run from classes). */
public final class Version implements CommandLine.IVersionProvider {
    private static final String POM_PROPERTIES = "/META-INF/maven/dev.keyhound/keyhound/pom.properties";

    public static String current() {
        try (InputStream in = Version.class.getResourceAsStream(POM_PROPERTIES)) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                return p.getProperty("version", "dev");
            }
        } catch (IOException ignored) {
            // an unreadable jar entry is not worth failing a scan over
        }
        return "dev";
    }

    @Override
    public String[] getVersion() {
        return new String[] {"keyhound " + current()};
    }
}
