package dev.cairn.exchange.s3;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;

/**
 * How to reach an S3-compatible store: endpoint (null for AWS itself), region, static
 * credentials. The CLI fills it from {@code --endpoint}, the AWS tools' variables ({@code
 * AWS_ENDPOINT_URL}, {@code AWS_REGION}, {@code AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY}) or
 * {@code secrets.toml}. An endpoint means an S3-compatible store: path-style addressing is used.
 * {@link #toString()} never shows the secret. Immutable.
 */
public record S3Settings(URI endpoint, String region, String accessKey, String secretKey) {
  public S3Client client() {
    var b = S3Client.builder()
        // every request is bounded: a store that stops answering cannot hang a sync
        .httpClient(UrlConnectionHttpClient.builder().connectionTimeout(java.time.Duration.ofSeconds(10))
            .socketTimeout(java.time.Duration.ofSeconds(60)).build())
        .overrideConfiguration(c -> c.apiCallAttemptTimeout(java.time.Duration.ofMinutes(5)))
        .region(Region.of(region == null || region.isBlank() ? "us-east-1" : region))
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)))
        // checksums: we send the SHA-256 we computed as a header; no trailing (chunked) checksums,
        // which S3-compatible stores do not all understand
        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
    if (endpoint != null) {
      b.endpointOverride(endpoint).serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build());
    }
    return b.build();
  }

  @Override
  public String toString() {
    return "S3Settings[endpoint=" + endpoint + ", region=" + region + ", accessKey=" + accessKey + ", secretKey=redacted]";
  }
}
