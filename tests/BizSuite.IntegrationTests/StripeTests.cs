using System.Net;
using System.Text;
using BizSuite.Kernel;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using static BizSuite.IntegrationTests.SignedContract;

namespace BizSuite.IntegrationTests;

/// <summary>Collecting invoices through the tenant's own Stripe account: a Checkout Session per invoice, payments from verified webhooks.</summary>
[Collection(ApiCollection.Name)]
public sealed class StripeTests(BizSuiteFactory app)
{
    private const string WebhookSecret = "whsec_test_0123456789";

    private async Task<(SignedContract Signed, string TenantId, System.Text.Json.JsonElement Invoice, FakeStripeRequest Request)> PaidOnlineSetupAsync()
    {
        // Connect Stripe first: the contract is signed by a tenant that collects online.
        var tenant = await app.CreateTenantAsync("s");
        var admin = await app.LoginAsync(tenant, "admin", "Admin123!");
        (await admin.PutJsonAsync("/api/finance/stripe", new { secretKey = "sk_test_fake_4242", webhookSecret = WebhookSecret })).Str("keyHint").ShouldBe("…4242");
        var signed = await CreateAsync(app, tenant: tenant);
        var tenantId = (await admin.GetJsonAsync("/api/account/me")).Str("tenantId");

        var before = app.Stripe.Requests.Count;
        await app.RunDueJobsAsync();
        var request = app.Stripe.Requests.Skip(before).ShouldHaveSingleItem();
        var invoice = (await InvoicesAsync(admin, signed.ContractId)).Single();
        return (signed, tenantId, invoice, request);
    }

    private async Task<HttpResponseMessage> PostWebhookAsync(string payload, string signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/finance/stripe/webhook") { Content = new StringContent(payload, Encoding.UTF8, "application/json") };
        request.Headers.Add("Stripe-Signature", signature);
        return await app.CreateClient().SendAsync(request);
    }

    [Fact]
    public async Task Signing_enqueues_a_checkout_session_that_the_job_creates_at_stripe_for_the_open_amount()
    {
        var (signed, tenantId, invoice, request) = await PaidOnlineSetupAsync();

        request.Path.ShouldBe("/v1/checkout/sessions");
        request.Authorization.ShouldBe("Bearer sk_test_fake_4242");
        request.Form["mode"].ShouldBe("payment");
        request.Form["line_items[0][price_data][currency]"].ShouldBe("cny");
        request.Form["line_items[0][price_data][unit_amount]"].ShouldBe("3644400");
        request.Form["metadata[tenant_id]"].ShouldBe(tenantId);
        request.Form["metadata[invoice_id]"].ShouldBe(invoice.Str("id"));
        invoice.Str("paymentUrl").ShouldStartWith("https://checkout.stripe.test/c/pay/cs_test_");

        (await app.ScalarAsync("SELECT COUNT(*) FROM finance_stripe_accounts WHERE EncryptedSecretKey LIKE '%sk_test%' OR EncryptedWebhookSecret LIKE '%whsec%'"))
            .ShouldBe(0, "secrets are stored encrypted");
        (await signed.Admin.GetJsonAsync("/api/finance/stripe")).GetProperty("connected").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task The_same_webhook_five_times_records_one_payment_and_a_bad_signature_records_nothing()
    {
        var (signed, tenantId, invoice, _) = await PaidOnlineSetupAsync();
        var sessionId = invoice.Str("paymentUrl").Split('/').Last();
        var payload = FakeStripe.CompletedEvent("evt_" + Guid.NewGuid().ToString("N"), sessionId, 3644400, tenantId, invoice.Str("id"));

        var forged = await PostWebhookAsync(payload, FakeStripe.Sign(payload, "whsec_someone_else"));
        forged.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await forged.JsonAsync(HttpStatusCode.BadRequest)).Str("code").ShouldBe("Finance:InvalidWebhook");
        (await app.ScalarAsync("SELECT COUNT(*) FROM finance_stripe_events WHERE TenantId = @t", ("@t", tenantId))).ShouldBe(0);

        var outcomes = new List<string>();
        for (var i = 0; i < 5; i++)
            outcomes.Add((await (await PostWebhookAsync(payload, FakeStripe.Sign(payload, WebhookSecret))).JsonAsync(HttpStatusCode.OK)).Str("outcome"));
        outcomes[0].ShouldStartWith("Recorded SK");
        outcomes.Skip(1).ShouldAllBe(o => o == "Duplicate");

        // Stripe may also send a second event about the same session (or deliver them out of order).
        var again = FakeStripe.CompletedEvent("evt_" + Guid.NewGuid().ToString("N"), sessionId, 3644400, tenantId, invoice.Str("id"));
        (await (await PostWebhookAsync(again, FakeStripe.Sign(again, WebhookSecret))).JsonAsync(HttpStatusCode.OK)).Str("outcome").ShouldBe("AlreadyRecorded");

        var payments = (await signed.Admin.GetJsonAsync($"/api/finance/payments?invoiceId={invoice.Str("id")}")).GetProperty("items").EnumerateArray().ToArray();
        payments.ShouldHaveSingleItem().Str("method").ShouldBe("Stripe");
        payments[0].GetProperty("amount").GetDecimal().ShouldBe(36444m);
        (await signed.Admin.GetJsonAsync($"/api/finance/invoices/{invoice.Str("id")}")).Str("status").ShouldBe("Paid");
        (await ReceivableAsync(signed.Admin, signed.ContractId)).Str("status").ShouldBe("Partial");
        (await signed.Admin.GetJsonAsync($"/api/finance/vouchers?sourceId={payments[0].Str("id")}")).GetProperty("totalCount").GetInt64().ShouldBe(1);
    }

    [Fact]
    public async Task Without_a_connected_account_no_job_is_enqueued_and_unknown_tenants_webhooks_are_refused()
    {
        var signed = await CreateAsync(app);
        var tenantId = (await signed.Admin.GetJsonAsync("/api/account/me")).Str("tenantId");
        (await app.ScalarAsync("SELECT COUNT(*) FROM kernel_background_jobs WHERE TenantId = @t AND JobName LIKE '%CreateCheckoutSession'", ("@t", tenantId))).ShouldBe(0);
        (await signed.Admin.GetJsonAsync("/api/finance/stripe")).GetProperty("connected").GetBoolean().ShouldBeFalse();

        var invoice = (await InvoicesAsync(signed.Admin, signed.ContractId)).Single();
        var payload = FakeStripe.CompletedEvent("evt_x", "cs_x", 100, tenantId, invoice.Str("id"));
        (await PostWebhookAsync(payload, FakeStripe.Sign(payload, WebhookSecret))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await PostWebhookAsync("not json", "t=1,v1=00")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var bad = await signed.Admin.PutJsonAsync("/api/finance/stripe", new { secretKey = "pk_live_wrong", webhookSecret = "" }, HttpStatusCode.BadRequest);
        bad.FieldErrors("secretKey").ShouldNotBeEmpty();
        bad.FieldErrors("webhookSecret").ShouldNotBeEmpty();
    }
}
