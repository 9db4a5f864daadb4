package encore.lake;

import encore.storage.s3.S3Clients;
import encore.storage.s3.S3Errors;
import encore.storage.s3.S3Listing;
import encore.storage.s3.S3Location;
import encore.storage.s3.S3Publisher;
import encore.storage.s3.S3Settings;
import encore.task.Cancellation;
import encore.task.EncoreException;
import encore.task.ProgressListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * A lake under {@code s3://bucket/prefix/}. The lake is staged in a local temporary folder and
 * published through {@link S3Publisher}: uploaded beside the target, copied into place, old
 * objects the new lake does not hold removed, then {@code _manifest.json} and {@code _SUCCESS}
 * last. A failed or cancelled upload leaves the lake in S3 as it was. In partitions mode the old
 * {@code _manifest.json} is read first; the files of partitions this run does not hold stay, and
 * the published manifest lists them with the new ones. A prefix that holds objects but no Encore
 * lake is never written to.
 */
public final class S3LakeDestination implements LakeDestination {

    private final S3Location target;
    private final Supplier<S3Clients> clients;

    /** @param clients opens the clients to use; each call's clients are closed after use */
    public S3LakeDestination(S3Location target, Supplier<S3Clients> clients) {
        this.target = target;
        this.clients = clients;
    }

    public S3LakeDestination(S3Location target, S3Settings settings) {
        this(target, () -> new S3Clients(settings));
    }

    public S3Location location() {
        return target;
    }

    @Override
    public String describe() {
        return target.toString();
    }

    @Override
    public Path newStagingFolder(LakeOptions options) {
        try (S3Clients c = clients.get()) {
            LakeManifest old = readManifest(c);
            if (old == null) {
                checkHoldsNoForeignObjects(c);
            } else if (options.mode() == PublishMode.PARTITIONS) {
                LocalLakeDestination.checkLayout(target.toString(), old.layout(), options.layout());
            }
        }
        try {
            return Files.createTempDirectory("encore-lake-");
        } catch (IOException e) {
            throw new EncoreException("Cannot create a local working folder for the lake: " + e.getMessage(),
                "free some space in the temporary folder (java.io.tmpdir)", e);
        }
    }

    @Override
    public LakeManifest publish(Path finishedLake, LakeManifest manifest, PublishMode mode, ProgressListener progress,
                                Cancellation cancel) {
        try (S3Clients c = clients.get()) {
            LakeManifest published = manifest;
            Predicate<String> keepOld = rel -> false;
            LakeManifest old = readManifest(c);
            if (old == null) {
                checkHoldsNoForeignObjects(c);
            }
            if (mode == PublishMode.PARTITIONS && old != null) {
                LocalLakeDestination.checkLayout(target.toString(), old.layout(), manifest.layout());
                List<LakeManifest.DataFile> kept = old.keptBy(manifest);
                List<LakeManifest.DataFile> files = new ArrayList<>(manifest.files());
                files.addAll(kept);
                published = manifest.withFiles(files);
                published.write(finishedLake);
                Set<String> keptPaths = new HashSet<>();
                kept.forEach(f -> keptPaths.add(f.path()));
                keepOld = keptPaths::contains;
            }
            cancel.check();
            new S3Publisher(c).publish(finishedLake, target, keepOld, finishedLake.resolve(LakeManifest.FILE_NAME),
                progress, cancel);
            return published;
        }
    }

    /** The manifest of the lake in S3, or null when there is none. */
    LakeManifest readManifest(S3Clients c) {
        String key = target.key(LakeManifest.FILE_NAME);
        byte[] json;
        try {
            json = c.sync().getObjectAsBytes(b -> b.bucket(target.bucket()).key(key)).asByteArray();
        } catch (NoSuchKeyException e) {
            return null;
        } catch (RuntimeException e) {
            throw S3Errors.map(e, "Reading the lake manifest s3://" + target.bucket() + "/" + key, target, c);
        }
        return LakeManifest.parse(json, "s3://" + target.bucket() + "/" + key);
    }

    /** Without a manifest, the prefix may only hold what an interrupted export left: lake tables' objects. */
    private void checkHoldsNoForeignObjects(S3Clients c) {
        List<String> foreign = new ArrayList<>();
        Cancellation stop = new Cancellation();
        try {
            new S3Listing(c).forEach(target, stop, o -> {
                String rel = o.key().substring(target.prefix().length());
                int slash = rel.indexOf('/');
                String top = slash < 0 ? rel : rel.substring(0, slash);
                boolean lake = slash < 0 ? rel.equals(LakeManifest.SUCCESS) : LakeTables.ORDER.contains(top);
                if (!lake && foreign.isEmpty()) {
                    foreign.add(o.key());
                    stop.cancel();
                }
            });
        } catch (RuntimeException e) {
            if (foreign.isEmpty()) {
                throw S3Errors.map(e, "Listing " + target, target, c);
            }
        }
        if (!foreign.isEmpty()) {
            throw new EncoreException("s3://" + target.bucket() + "/" + target.prefix() + " holds objects but no Encore lake (no "
                + LakeManifest.FILE_NAME + "), e.g. " + foreign.get(0),
                "choose an empty or new prefix, or one an earlier export wrote");
        }
    }
}
