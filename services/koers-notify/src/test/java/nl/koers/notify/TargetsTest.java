package nl.koers.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Which addresses are public, and which URLs a subscription may name, with and without private targets allowed. */
class TargetsTest {

    @Test
    void loopbackPrivateLinkLocalAndReservedAddressesAreNotPublic() throws Exception {
        for (String address : List.of("127.0.0.1", "10.0.0.1", "172.16.5.4", "172.31.255.255", "192.168.0.1",
                "169.254.169.254", "100.64.0.1", "100.127.255.255", "0.0.0.0", "0.1.2.3", "224.0.0.1", "240.0.0.1",
                "255.255.255.255", "192.0.0.8", "198.18.0.1", "::1", "::", "fe80::1", "fc00::1", "fd12:3456::1",
                "ff02::1", "::ffff:10.0.0.1", "::ffff:127.0.0.1")) {
            assertThat(Targets.isPublic(InetAddress.getByName(address))).as(address).isFalse();
        }
        for (String address : List.of("93.184.215.14", "8.8.8.8", "100.128.0.1", "172.32.0.1", "192.0.2.10",
                "2606:2800:21f:cb07:6820:80da:af6b:8b2c", "2001:4860:4860::8888")) {
            assertThat(Targets.isPublic(InetAddress.getByName(address))).as(address).isTrue();
        }
    }

    @Test
    void onlyHttpsOnPublicAddressesUnlessPrivateTargetsAreAllowed() {
        Targets strict = new Targets(settings(false));
        assertThat(strict.refusal("https://93.184.215.14/hooks/koers")).isEmpty();
        assertThat(strict.refusal("http://93.184.215.14/hooks/koers")).isPresent();
        assertThat(strict.refusal("https://127.0.0.1:8443/hook")).isPresent();
        assertThat(strict.refusal("https://localhost/hook")).isPresent();
        assertThat(strict.refusal("https://user:secret@93.184.215.14/hook")).isPresent();
        assertThat(strict.refusal("/relative")).isPresent();
        assertThat(strict.refusal("https://no-such-host.invalid/hook")).isPresent();

        Targets local = new Targets(settings(true));
        assertThat(local.refusal("http://127.0.0.1:9999/hook")).isEmpty();
        assertThat(local.refusal("https://10.0.0.1/hook")).isEmpty();
        assertThat(local.refusal("ftp://127.0.0.1/hook")).isPresent();
    }

    private static WebhookSettings settings(boolean allowPrivateTargets) {
        return new WebhookSettings(allowPrivateTargets, null, "http://localhost:8080", 1, Duration.ofSeconds(1),
                Duration.ofSeconds(1), Duration.ofSeconds(1),
                new WebhookSettings.Retry(Duration.ofSeconds(10), Duration.ofHours(1), Duration.ofHours(24), Duration.ofDays(5)));
    }
}
