package dev.cairn.cli.target;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.cli.command.BadInputException;
import dev.cairn.exchange.s3.S3Location;
import dev.cairn.exchange.transport.TargetId;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every scheme parses to its place, its identity is stable, and what is written back parses to the same identity. */
class TargetUrlTest {
  @Test
  void aFolderIsAbsoluteAndNormalisedWhetherWrittenWithFolderOrAsAPath() {
    Path here = Path.of("").toAbsolutePath();
    TargetUrl relative = TargetUrl.parse("nas/../nas/cairn");
    TargetUrl prefixed = TargetUrl.parse("folder:" + here.resolve("nas/cairn"));
    assertInstanceOf(TargetUrl.Folder.class, relative);
    assertEquals(new TargetId("folder:" + here.resolve("nas/cairn")), relative.id());
    assertEquals(relative.id(), prefixed.id());
    assertEquals("folder:" + here.resolve("nas/cairn"), relative.text());
  }

  @Test
  void httpKeepsHostPortAndPathAndDropsATrailingSlashAndCredentials() {
    TargetUrl u = TargetUrl.parse("https://Peer.Example:7465/");
    assertInstanceOf(TargetUrl.Http.class, u);
    assertEquals(new TargetId("https://peer.example:7465"), u.id());
    assertEquals("https://Peer.Example:7465", u.text());
    TargetUrl withUser = TargetUrl.parse("http://me:secret@127.0.0.1:9/base");
    assertEquals(new TargetId("http://127.0.0.1:9/base"), withUser.id());
    assertFalse(withUser.id().value().contains("secret"), "an identity never carries credentials");
  }

  @Test
  void s3IsABucketAndPrefix() {
    TargetUrl u = TargetUrl.parse("s3://vault/team/cairn");
    assertInstanceOf(TargetUrl.S3.class, u);
    assertEquals(S3Location.parse("s3://vault/team/cairn"), ((TargetUrl.S3) u).location());
    assertEquals(new TargetId("s3://vault/team/cairn"), u.id());
  }

  @Test
  void whatIsWrittenBackParsesToTheSameIdentity() {
    for (String text : List.of("folder:/mnt/nas", "/mnt/usb/", "http://127.0.0.1:7465", "https://h:1/p", "s3://bkt", "s3://bkt/p/q")) {
      TargetUrl once = TargetUrl.parse(text);
      TargetUrl again = TargetUrl.parse(once.text());
      assertEquals(once, again, text);
      assertEquals(once.id(), again.id(), text);
    }
  }

  @Test
  void anEncryptedTargetHasTheIdentityOfItsPlace() {
    TargetUrl url = TargetUrl.parse("folder:/mnt/vault");
    TargetSpec plain = TargetSpec.plain(url);
    TargetSpec encrypted = new TargetSpec(url, List.of("age1qyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqs3290gq"), false, 18);
    assertTrue(encrypted.encrypted());
    assertFalse(plain.encrypted());
    assertEquals(plain.url().id(), encrypted.url().id());
  }

  @Test
  void badTargetsSayWhatWasExpected() {
    BadInputException scheme = assertThrows(BadInputException.class, () -> TargetUrl.parse("ftp://example/x"));
    assertTrue(scheme.getMessage().contains("found scheme 'ftp'"), scheme.getMessage());
    BadInputException empty = assertThrows(BadInputException.class, () -> TargetUrl.parse(" "));
    assertTrue(empty.getMessage().contains("found nothing"), empty.getMessage());
    BadInputException folder = assertThrows(BadInputException.class, () -> TargetUrl.parse("folder:"));
    assertTrue(folder.getMessage().contains("after 'folder:'"), folder.getMessage());
    BadInputException host = assertThrows(BadInputException.class, () -> TargetUrl.parse("http://"));
    assertTrue(host.getMessage().contains("http://host:7465"), host.getMessage());
    assertThrows(S3Location.S3LocationException.class, () -> TargetUrl.parse("s3://"));
  }
}
