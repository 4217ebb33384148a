package dev.cairn.exchange.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cairn.exchange.transport.FailureKind;
import org.junit.jupiter.api.Test;

/** What an S3 store's answers mean for a sync: the codes S3 documents, mapped where the S3 transport throws. */
class S3FailureKindTest {
  @Test
  void aMissingBucketOrRefusedCredentialsPauseTheTarget() {
    assertEquals(FailureKind.PAUSE, S3Transport.failureKind(404, "NoSuchBucket"));
    assertEquals(FailureKind.PAUSE, S3Transport.failureKind(403, "InvalidAccessKeyId"));
    assertEquals(FailureKind.PAUSE, S3Transport.failureKind(403, "SignatureDoesNotMatch"));
    assertEquals(FailureKind.PAUSE, S3Transport.failureKind(400, "ExpiredToken"));
  }

  @Test
  void throttlingIsRetryableWhateverItsStatus() {
    assertEquals(FailureKind.RETRYABLE, S3Transport.failureKind(503, "SlowDown"));
    assertEquals(FailureKind.RETRYABLE, S3Transport.failureKind(400, "RequestTimeout"));
    assertEquals(FailureKind.RETRYABLE, S3Transport.failureKind(500, "InternalError"));
  }

  @Test
  void otherwiseTheStatusDecides() {
    assertEquals(FailureKind.TERMINAL, S3Transport.failureKind(403, "AccessDenied"));
    assertEquals(FailureKind.TERMINAL, S3Transport.failureKind(400, "BadDigest"));
    assertEquals(FailureKind.RETRYABLE, S3Transport.failureKind(502, null));
    assertEquals(FailureKind.RETRYABLE, S3Transport.failureKind(0, null));
  }
}
