import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Packaging step (run with {@code java jpackage/SplitNatives.java OUT_JARS OUT_NATIVES JAR...}):
 * copies each jar without the native libraries it carries, and puts this platform's libraries
 * into OUT_NATIVES under the names {@code System.loadLibrary} looks for. In the packaged app they
 * sit in the runtime's own library folder, so nothing is unpacked to a temporary or home folder
 * at start, and the other platforms' libraries (most of DuckDB's jar) are left out.
 */
public final class SplitNatives {

    public static void main(String[] args) throws IOException {
        Path jars = Files.createDirectories(Path.of(args[0]));
        Path natives = Files.createDirectories(Path.of(args[1]));
        String platform = platform();
        for (int i = 2; i < args.length; i++) {
            Path jar = Path.of(args[i]);
            try (ZipFile zip = new ZipFile(jar.toFile());
                 OutputStream file = Files.newOutputStream(jars.resolve(jar.getFileName()));
                 ZipOutputStream out = new ZipOutputStream(file)) {
                for (Enumeration<? extends ZipEntry> en = zip.entries(); en.hasMoreElements(); ) {
                    ZipEntry e = en.nextElement();
                    String name = e.getName();
                    if (isNative(name)) {
                        String target = nativeName(name, platform);
                        if (target != null) {
                            try (InputStream in = zip.getInputStream(e)) {
                                Files.copy(in, natives.resolve(target), StandardCopyOption.REPLACE_EXISTING);
                            }
                        }
                        continue;
                    }
                    out.putNextEntry(new ZipEntry(name));
                    try (InputStream in = zip.getInputStream(e)) {
                        in.transferTo(out);
                    }
                    out.closeEntry();
                }
            }
        }
    }

    /** A library at the top of a jar: JavaFX's (libglass.so, glass.dll, libglass.dylib), DuckDB's, and JavaFX's SWT bridge. */
    static boolean isNative(String name) {
        return !name.contains("/") && (name.endsWith(".so") || name.endsWith(".dll") || name.endsWith(".dylib")
            || name.startsWith("libduckdb_java.so_") || name.equals("javafx-swt.jar"));
    }

    /** The file name this platform loads the library under, or null when it belongs to another platform. */
    static String nativeName(String name, String platform) {
        if (name.startsWith("libduckdb_java.so_")) {
            if (!name.equals("libduckdb_java.so_" + platform)) {
                return null;
            }
            return System.mapLibraryName("duckdb_java");
        }
        return name.equals("javafx-swt.jar") ? null : name;
    }

    /** DuckDB's name for this platform: linux_amd64, linux_arm64, windows_amd64, osx_universal. */
    static String platform() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        if (os.startsWith("mac")) {
            return "osx_universal";
        }
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        arch = arch.equals("x86_64") || arch.equals("amd64") ? "amd64" : arch.equals("aarch64") ? "arm64" : arch;
        return (os.startsWith("windows") ? "windows" : "linux") + "_" + arch;
    }
}
