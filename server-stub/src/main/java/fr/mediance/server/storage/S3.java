package fr.mediance.server.storage;

import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.ListObjectsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import io.minio.Result;
import io.minio.StatObjectArgs;
import io.minio.errors.ErrorResponseException;
import io.minio.messages.Item;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * One bucket of an S3-compatible object store (Amazon S3, MinIO, Garage, Scaleway, OVH…) through MinIO's Java
 * client, with the few operations the blob store and the upload parts need. Configured by
 * {@code --blob-store s3://bucket} and the environment: {@code MEDIANCE_S3_ENDPOINT} (e.g.
 * {@code https://s3.fr-par.scw.cloud}), {@code MEDIANCE_S3_ACCESS_KEY}, {@code MEDIANCE_S3_SECRET_KEY},
 * {@code MEDIANCE_S3_REGION} (default {@code us-east-1}).
 */
public final class S3 {
    public static final String ENDPOINT = "MEDIANCE_S3_ENDPOINT";
    public static final String ACCESS_KEY = "MEDIANCE_S3_ACCESS_KEY";
    public static final String SECRET_KEY = "MEDIANCE_S3_SECRET_KEY";
    public static final String REGION = "MEDIANCE_S3_REGION";

    private final MinioClient client;
    private final String bucket;

    /** An object listed: its key and size. */
    public record Listed(String key, long size, long lastModifiedMillis) {}

    public S3(String endpoint, String accessKey, String secretKey, String region, String bucket) {
        this.client = MinioClient.builder()
                .endpoint(endpoint)
                .credentials(accessKey, secretKey)
                .region(region == null || region.isBlank() ? "us-east-1" : region)
                .build();
        this.bucket = bucket;
    }

    /** From {@code s3://bucket} and the environment; a French message if something is missing. */
    public static S3 fromEnvironment(String uri, Map<String, String> env) {
        if (uri == null
                || !uri.startsWith("s3://")
                || uri.length() <= 5
                || uri.substring(5).contains("/")) {
            throw new IllegalArgumentException("le magasin d'objets s'écrit s3://nom-du-compartiment.");
        }
        for (String name : List.of(ENDPOINT, ACCESS_KEY, SECRET_KEY)) {
            if (env.get(name) == null || env.get(name).isBlank()) {
                throw new IllegalArgumentException("--blob-store s3://… demande la variable " + name + ".");
            }
        }
        return new S3(env.get(ENDPOINT), env.get(ACCESS_KEY), env.get(SECRET_KEY), env.get(REGION), uri.substring(5));
    }

    public String bucket() {
        return bucket;
    }

    /** Creates the bucket if it does not exist (a test store; a production one is made by its administrator). */
    public void ensureBucket() {
        try {
            if (!client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())) {
                client.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
            }
        } catch (Exception e) {
            throw failure("cannot reach the bucket", e);
        }
    }

    /** The size of an object, or empty if there is none. */
    public OptionalLong size(String key) {
        try {
            return OptionalLong.of(client.statObject(
                            StatObjectArgs.builder().bucket(bucket).object(key).build())
                    .size());
        } catch (ErrorResponseException e) {
            if (isMissing(e)) {
                return OptionalLong.empty();
            }
            throw failure("stat failed", e);
        } catch (Exception e) {
            throw failure("stat failed", e);
        }
    }

    /** Opens an object; the caller closes the stream. */
    public InputStream open(String key) {
        try {
            return client.getObject(
                    GetObjectArgs.builder().bucket(bucket).object(key).build());
        } catch (Exception e) {
            throw failure("get failed", e);
        }
    }

    /** Opens {@code length} bytes of an object from {@code offset}. */
    public InputStream open(String key, long offset, long length) {
        try {
            return client.getObject(GetObjectArgs.builder()
                    .bucket(bucket)
                    .object(key)
                    .offset(offset)
                    .length(length)
                    .build());
        } catch (Exception e) {
            throw failure("get failed", e);
        }
    }

    /** Stores an object of a known size: it appears whole or not at all. */
    public void put(String key, InputStream in, long size, String contentType) {
        try {
            client.putObject(PutObjectArgs.builder().bucket(bucket).object(key).stream(in, size, -1)
                    .contentType(contentType)
                    .build());
        } catch (Exception e) {
            throw failure("put failed", e);
        }
    }

    public void delete(String key) {
        try {
            client.removeObject(
                    RemoveObjectArgs.builder().bucket(bucket).object(key).build());
        } catch (ErrorResponseException e) {
            if (!isMissing(e)) {
                throw failure("delete failed", e);
            }
        } catch (Exception e) {
            throw failure("delete failed", e);
        }
    }

    /** Every object whose key starts with {@code prefix}, in key order. */
    public List<Listed> list(String prefix) {
        List<Listed> out = new ArrayList<>();
        try {
            for (Result<Item> r : client.listObjects(ListObjectsArgs.builder()
                    .bucket(bucket)
                    .prefix(prefix)
                    .recursive(true)
                    .build())) {
                Item i = r.get();
                if (!i.isDir()) {
                    out.add(new Listed(
                            i.objectName(),
                            i.size(),
                            i.lastModified() == null
                                    ? 0
                                    : i.lastModified().toInstant().toEpochMilli()));
                }
            }
        } catch (Exception e) {
            throw failure("list failed", e);
        }
        out.sort(java.util.Comparator.comparing(Listed::key));
        return out;
    }

    private static boolean isMissing(ErrorResponseException e) {
        String code = e.errorResponse() == null ? null : e.errorResponse().code();
        return "NoSuchKey".equals(code)
                || "NoSuchObject".equals(code)
                || "ResourceNotFound".equals(code)
                || (e.response() != null && e.response().code() == 404);
    }

    private static RuntimeException failure(String what, Exception e) {
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        return new UncheckedIOException(new java.io.IOException("object store: " + what + ": " + e, e));
    }
}
