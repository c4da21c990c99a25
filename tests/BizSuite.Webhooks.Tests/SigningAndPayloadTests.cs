using System.Text.Json;
using System.Text.RegularExpressions;
using BizSuite.Crm;
using BizSuite.Finance;
using BizSuite.Kernel;
using BizSuite.Webhooks.Deliveries;
using BizSuite.Webhooks.Events;
using Shouldly;

namespace BizSuite.Webhooks.Tests;

public sealed class SignatureTests
{
    [Fact]
    public void The_signature_is_hex_hmac_sha256_of_timestamp_dot_body_keyed_with_the_secret()
    {
        // Computed independently: python3 -c "import hmac,hashlib; print(hmac.new(b'whsec_test', b'1700000000.{\"id\":\"x\"}', hashlib.sha256).hexdigest())"
        WebhookSignature.Sign("whsec_test", 1700000000, """{"id":"x"}""")
            .ShouldBe("t=1700000000,v1=80e8d098018f757aa814ab1abb924f35d304affa1d93d29611a54696207eb7c3");
    }

    [Fact]
    public void Another_secret_timestamp_or_body_gives_another_signature()
    {
        var signature = WebhookSignature.Sign("whsec_a", 1, "{}");
        WebhookSignature.Sign("whsec_b", 1, "{}").ShouldNotBe(signature);
        WebhookSignature.Sign("whsec_a", 2, "{}")[4..].ShouldNotBe(signature[4..]);
        WebhookSignature.Sign("whsec_a", 1, "{ }").ShouldNotBe(signature);
    }
}

public sealed class PayloadTests
{
    [Fact]
    public void Event_type_names_are_stable_dotted_lowercase_and_each_maps_one_domain_event()
    {
        PublicEvents.All.Select(t => t.Name).ShouldBeUnique();
        PublicEvents.All.Select(t => t.EventType).ShouldBeUnique();
        PublicEvents.All.ShouldAllBe(t => Regex.IsMatch(t.Name, "^[a-z]+(\\.[a-z_]+){2}$") && t.Version == 1);
        PublicEvents.IsKnown(PublicEvents.Ping).ShouldBeFalse("nobody subscribes to the ping");
    }

    [Fact]
    public void A_signed_contract_becomes_the_envelope_with_camel_case_data_and_enum_names()
    {
        var contractId = Guid.NewGuid();
        var signed = new ContractSigned(contractId, "HT2026001", Guid.NewGuid(), "杭州某某科技有限公司", "CNY", new DateOnly(2026, 11, 25), 100m, 13m, 113m,
            [new ContractLineData(1, null, "服务器", 1m, 100m, 0m, 0.13m, 100m, 13m)], [new InstallmentData(1, InstallmentTrigger.OnSigning, null, 113m)]);
        var eventId = Guid.NewGuid();
        var tenantId = Guid.NewGuid();

        var json = JsonDocument.Parse(PublicEvents.Envelope(eventId, PublicEvents.For(typeof(ContractSigned)), tenantId,
            new DateTime(2026, 11, 25, 8, 0, 0, DateTimeKind.Utc), signed)).RootElement;

        json.GetProperty("id").GetGuid().ShouldBe(eventId);
        json.GetProperty("type").GetString().ShouldBe("crm.contract.signed");
        json.GetProperty("version").GetInt32().ShouldBe(1);
        json.GetProperty("tenantId").GetGuid().ShouldBe(tenantId);
        json.GetProperty("occurredAt").GetString().ShouldBe("2026-11-25T08:00:00Z");
        var data = json.GetProperty("data");
        data.GetProperty("contractId").GetGuid().ShouldBe(contractId);
        data.GetProperty("signedOn").GetString().ShouldBe("2026-11-25");
        data.GetProperty("grossTotal").GetDecimal().ShouldBe(113m);
        data.GetProperty("lines")[0].GetProperty("vatRate").GetDecimal().ShouldBe(0.13m);
        data.GetProperty("installments")[0].GetProperty("trigger").GetString().ShouldBe("OnSigning");
    }

    [Fact]
    public void A_payment_says_its_method_by_name()
    {
        var payment = new PaymentRecorded(Guid.NewGuid(), "SK001", Guid.NewGuid(), "FP001", Guid.NewGuid(), Guid.NewGuid(), "CNY", PaymentMethod.Stripe,
            new DateOnly(2026, 11, 25), 50m, false);
        var data = (JsonDocument.Parse(PublicEvents.Envelope(Guid.NewGuid(), PublicEvents.For(typeof(PaymentRecorded)), Guid.NewGuid(), DateTime.UtcNow, payment))
            .RootElement.GetProperty("data"));
        (data.GetProperty("method").GetString(), data.GetProperty("amount").GetDecimal(), data.GetProperty("invoicePaid").GetBoolean())
            .ShouldBe(("Stripe", 50m, false));
    }

    [Fact]
    public void No_catalogued_event_has_sensitive_fields_to_leak()
    {
        // The mappings copy chosen fields only; should a catalogued event gain a [Sensitive] field, its mapping must be reviewed.
        PublicEvents.All.SelectMany(t => t.EventType.GetProperties()).Where(p => p.IsDefined(typeof(SensitiveAttribute), true)).ShouldBeEmpty();
    }
}

public sealed class DeliveryTests
{
    private static readonly JobOptions Jobs = new();
    private static readonly DateTime At = new(2026, 11, 25, 8, 0, 0, DateTimeKind.Utc);

    private static DeliveryAttempt Answer(int? status, int minutes = 0) => new(0, At.AddMinutes(minutes), status, status is null ? "refused" : null, 5, null);

    [Fact]
    public void A_failed_try_waits_for_the_job_stores_backoff_and_gives_up_after_its_maximum_tries()
    {
        var delivery = Delivery.Queue(Guid.NewGuid(), Guid.NewGuid(), "crm.contract.signed", "{}");
        delivery.Record(Answer(500), Jobs);
        (delivery.Status, delivery.NextRetryAt).ShouldBe((DeliveryStatus.Pending, At + Jobs.RetryDelay(1)));
        for (var i = 2; i <= Jobs.MaxTries; i++) delivery.Record(Answer(null, i), Jobs);
        (delivery.Status, delivery.NextRetryAt).ShouldBe((DeliveryStatus.Failed, (DateTime?)null));
        delivery.Attempts.Select(a => a.Number).ShouldBe(Enumerable.Range(1, Jobs.MaxTries));

        delivery.Redeliver();
        Should.Throw<BusinessException>(delivery.Redeliver).Code.ShouldBe(WebhooksErrors.DeliveryPending);
        delivery.Record(Answer(204, 60), Jobs);
        (delivery.Status, delivery.DeliveredAt).ShouldBe((DeliveryStatus.Delivered, At.AddMinutes(60)));
    }
}
