package dev.cairn.exchange.s3;

import dev.cairn.exchange.artifact.ArtifactKind;
import dev.cairn.exchange.artifact.ArtifactName;
import dev.cairn.exchange.artifact.ArtifactNameException;
import dev.cairn.exchange.artifact.Sha256;
import dev.cairn.exchange.transport.ArtifactConflictException;
import dev.cairn.exchange.transport.ArtifactInfo;
import dev.cairn.exchange.transport.ArtifactNotFoundException;
import dev.cairn.exchange.transport.FailureKind;
import dev.cairn.exchange.transport.PutResult;
import dev.cairn.exchange.transport.Transport;
import dev.cairn.exchange.transport.TransportException;
import dev.cairn.ledger.Origin;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A transport to an S3-compatible bucket ({@code s3://BUCKET/PREFIX}): keys are {@code
 * PREFIX/<artifact path>}.
 *
 * <ul>
 *   <li>Write-once by a conditional PUT ({@code If-None-Match: *}); on 412 the stored bytes are
 *       compared (same: already present; other: conflict). A store that does not support
 *       conditional writes (501) falls back to HEAD-before-PUT, which has a race between two
 *       writers of the same name. The SHA-256 computed here goes in {@code
 *       x-amz-checksum-sha256}, so the store checks the bytes it received.
 *   <li>Listing uses ListObjectsV2 with the artifact folder as prefix, {@code StartAfter} for the
 *       cursor and continuation tokens for pages; origins are the common prefixes under PREFIX/.
 *   <li>Moving aside copies to {@code PREFIX/.quarantine/...} and deletes the original.
 * </ul>
 *
 * <p>Thread-safety: thread-safe (the SDK client is); {@code conditionalWrites} may flip once.
 */
public final class S3Transport implements Transport {
  private final S3Client s3;
  private final S3Location location;
  private final int pageSize;
  private volatile boolean conditionalWrites = true;

  public S3Transport(S3Client s3, S3Location location) {
    this(s3, location, 1000);
  }

  /** With {@code pageSize} keys per list call (tests use a small one to exercise paging). */
  public S3Transport(S3Client s3, S3Location location, int pageSize) {
    this.s3 = s3;
    this.location = location;
    this.pageSize = pageSize;
  }

  @Override
  public String describe() {
    return location.toString();
  }

  private TransportException failed(String op, SdkException e) {
    if (e instanceof AwsServiceException s) {
      String code = s.awsErrorDetails() == null ? null : s.awsErrorDetails().errorCode();
      return new TransportException(describe(), op, s.statusCode(), code, e, failureKind(s.statusCode(), code));
    }
    return new TransportException(describe(), op, e);
  }

  private static final java.util.Set<String> THROTTLING = java.util.Set.of("SlowDown", "Throttling", "ThrottlingException",
      "RequestTimeout", "RequestLimitExceeded", "TooManyRequests", "ServiceUnavailable", "InternalError");
  private static final java.util.Set<String> REFUSED_CREDENTIALS = java.util.Set.of("InvalidAccessKeyId", "SignatureDoesNotMatch",
      "ExpiredToken", "InvalidToken", "TokenRefreshRequired", "AuthorizationHeaderMalformed");

  /**
   * What an S3 error means: a missing bucket or refused credentials pause the target; throttling
   * codes are retryable whatever their status; otherwise the status decides (403 on an object is
   * terminal).
   */
  static FailureKind failureKind(int status, String code) {
    if (code != null && (code.equals("NoSuchBucket") || REFUSED_CREDENTIALS.contains(code))) {
      return FailureKind.PAUSE;
    }
    if (code != null && THROTTLING.contains(code)) {
      return FailureKind.RETRYABLE;
    }
    return FailureKind.ofHttpStatus(status);
  }

  @Override
  public List<Origin> origins() {
    List<Origin> out = new ArrayList<>();
    try {
      String token = null;
      do {
        ListObjectsV2Response r = s3.listObjectsV2(ListObjectsV2Request.builder().bucket(location.bucket()).prefix(location.root())
            .delimiter("/").maxKeys(pageSize).continuationToken(token).build());
        for (CommonPrefix p : r.commonPrefixes()) {
          String name = p.prefix().substring(location.root().length()).replaceAll("/$", "");
          if (Origin.isValid(name)) {
            out.add(new Origin(name));
          }
        }
        token = nextToken(token, r, "list origins");
      } while (token != null);
    } catch (SdkException e) {
      throw failed("list origins", e);
    }
    out.sort(null);
    return out;
  }

  @Override
  public List<ArtifactInfo> list(Origin origin, ArtifactKind kind, ArtifactName after) {
    String folder = location.key(origin.value() + "/" + kind.folder() + "/");
    List<ArtifactInfo> out = new ArrayList<>();
    try {
      String token = null;
      do {
        var req = ListObjectsV2Request.builder().bucket(location.bucket()).prefix(folder).maxKeys(pageSize).continuationToken(token);
        if (token == null && after != null) {
          req.startAfter(folder + after.fileName());
        }
        ListObjectsV2Response r = s3.listObjectsV2(req.build());
        for (S3Object o : r.contents()) {
          String file = o.key().substring(folder.length());
          try {
            out.add(new ArtifactInfo(ArtifactName.parseFile(origin, kind, file), o.size(), o.lastModified()));
          } catch (ArtifactNameException ignored) {
            // not an artifact of ours (a stray object): skip
          }
        }
        token = nextToken(token, r, "list " + origin + "/" + kind.folder());
      } while (token != null);
    } catch (SdkException e) {
      throw failed("list " + origin + "/" + kind.folder(), e);
    }
    out.sort((a, b) -> a.name().compareTo(b.name()));
    return out;
  }

  /** The next continuation token; a truncated page without a new token would list forever: an error. */
  private String nextToken(String previous, ListObjectsV2Response r, String op) {
    if (!Boolean.TRUE.equals(r.isTruncated())) {
      return null;
    }
    String next = r.nextContinuationToken();
    if (next == null || next.isEmpty() || next.equals(previous)) {
      throw new TransportException(describe(), op, new java.io.IOException("the listing says it is truncated but its continuation token "
          + (next == null || next.isEmpty() ? "is missing" : "did not advance") + "; refusing to list forever"));
    }
    return next;
  }

  @Override
  public Optional<ArtifactInfo> head(ArtifactName name) {
    try {
      HeadObjectResponse r = s3.headObject(b -> b.bucket(location.bucket()).key(location.key(name.path())));
      return Optional.of(new ArtifactInfo(name, r.contentLength(), r.lastModified()));
    } catch (NoSuchKeyException e) {
      return Optional.empty();
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        return Optional.empty();
      }
      throw failed("head " + name, e);
    } catch (SdkException e) {
      throw failed("head " + name, e);
    }
  }

  @Override
  public byte[] get(ArtifactName name) {
    try {
      return read(location.key(name.path()), MAX_ARTIFACT_BYTES, name.toString())
          .orElseThrow(() -> new ArtifactNotFoundException(describe(), name));
    } catch (TooLarge e) {
      throw new dev.cairn.exchange.artifact.ArtifactCorruptException(name, "at most " + MAX_ARTIFACT_BYTES + " bytes", e.getMessage());
    }
  }

  /** An object over the size limit: how big it says it is. */
  private static final class TooLarge extends RuntimeException {
    TooLarge(String size) {
      super(size, null, false, false);
    }
  }

  /** Reads an object streaming, capped at {@code max} bytes; empty if it does not exist. */
  private Optional<byte[]> read(String key, long max, String what) {
    try (var in = s3.getObject(b -> b.bucket(location.bucket()).key(key), software.amazon.awssdk.core.sync.ResponseTransformer.toInputStream())) {
      Long length = in.response().contentLength();
      if (length != null && length > max) {
        in.abort();
        throw new TooLarge(length + " bytes");
      }
      byte[] bytes = in.readNBytes((int) max + 1);
      if (bytes.length > max) {
        in.abort();
        throw new TooLarge("more than " + max + " bytes");
      }
      return Optional.of(bytes);
    } catch (NoSuchKeyException e) {
      return Optional.empty();
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        return Optional.empty();
      }
      throw failed("get " + what, e);
    } catch (SdkException e) {
      throw failed("get " + what, e);
    } catch (java.io.IOException e) {
      throw new TransportException(describe(), "get " + what, e);
    }
  }

  @Override
  public PutResult putIfAbsent(ArtifactName name, byte[] bytes) {
    return writeOnce(location.key(name.path()), bytes, name.toString(), () -> get(name));
  }

  @Override
  public Optional<byte[]> marker() {
    try {
      return read(location.key(dev.cairn.exchange.crypt.TargetMarker.FILE), 16 * 1024, dev.cairn.exchange.crypt.TargetMarker.FILE);
    } catch (TooLarge e) {
      throw new dev.cairn.exchange.crypt.TargetMarker.MarkerException(describe(), "at most 16 KiB", e.getMessage());
    }
  }

  @Override
  public PutResult putMarker(byte[] bytes) {
    return writeOnce(location.key(dev.cairn.exchange.crypt.TargetMarker.FILE), bytes, dev.cairn.exchange.crypt.TargetMarker.FILE,
        () -> marker().orElse(new byte[0]));
  }

  /** Conditional write-once (If-None-Match), or HEAD-before-PUT where the store cannot; a taken key is compared byte for byte. */
  private PutResult writeOnce(String key, byte[] bytes, String what, java.util.function.Supplier<byte[]> stored) {
    var req = PutObjectRequest.builder().bucket(location.bucket()).key(key).checksumSHA256(Sha256.of(bytes).base64());
    if (!conditionalWrites) {
      if (exists(key, what)) {
        return compare(what, stored.get(), bytes);
      }
      return put(req.build(), bytes, what);
    }
    try {
      s3.putObject(req.ifNoneMatch("*").build(), RequestBody.fromBytes(bytes));
      return PutResult.CREATED;
    } catch (S3Exception e) {
      if (e.statusCode() == 412) {
        return compare(what, stored.get(), bytes);
      }
      if (e.statusCode() == 501) {
        conditionalWrites = false; // the store cannot do If-None-Match: fall back to HEAD-before-PUT
        return writeOnce(key, bytes, what, stored);
      }
      throw failed("put " + what, e);
    } catch (SdkException e) {
      throw failed("put " + what, e);
    }
  }

  private boolean exists(String key, String what) {
    try {
      s3.headObject(b -> b.bucket(location.bucket()).key(key));
      return true;
    } catch (NoSuchKeyException e) {
      return false;
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        return false;
      }
      throw failed("head " + what, e);
    } catch (SdkException e) {
      throw failed("head " + what, e);
    }
  }

  private PutResult put(PutObjectRequest req, byte[] bytes, String what) {
    try {
      s3.putObject(req, RequestBody.fromBytes(bytes));
      return PutResult.CREATED;
    } catch (SdkException e) {
      throw failed("put " + what, e);
    }
  }

  private PutResult compare(String what, byte[] stored, byte[] bytes) {
    if (Arrays.equals(stored, bytes)) {
      return PutResult.ALREADY_PRESENT;
    }
    throw new ArtifactConflictException(describe(), what);
  }

  @Override
  public void delete(ArtifactName name) {
    try {
      s3.deleteObject(b -> b.bucket(location.bucket()).key(location.key(name.path())));
    } catch (SdkException e) {
      throw failed("delete " + name, e);
    }
  }

  @Override
  public boolean moveAside(ArtifactName name, String reason) {
    String key = location.key(name.path());
    String aside = location.key(".quarantine/" + name.path() + "." + Instant.now().toEpochMilli());
    try {
      s3.copyObject(b -> b.sourceBucket(location.bucket()).sourceKey(key).destinationBucket(location.bucket()).destinationKey(aside));
      s3.putObject(b -> b.bucket(location.bucket()).key(aside + ".reason"), RequestBody.fromString(reason + "\n", StandardCharsets.UTF_8));
      s3.deleteObject(b -> b.bucket(location.bucket()).key(key));
      return true;
    } catch (NoSuchKeyException e) {
      return false;
    } catch (SdkException e) {
      throw failed("move aside " + name, e);
    }
  }

  @Override
  public void close() {
    s3.close();
  }
}
