using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Shouldly;

namespace BizSuite.IntegrationTests;

/// <summary>Editions and Stripe Billing: what a plan includes is enforced by the API, and verified webhooks move tenants between plans.</summary>
[Collection(ApiCollection.Name)]
public sealed class SubscriptionTests(BizSuiteFactory app) : IAsyncLifetime
{
    public Task InitializeAsync()
    {
        app.Clock.Offset = TimeSpan.Zero;
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        app.Clock.Offset = TimeSpan.Zero;
        return Task.CompletedTask;
    }

    /// <summary>Signs a company up on the public endpoint and logs its admin in.</summary>
    private async Task<(string Name, string TenantId, HttpClient Admin)> SignUpAsync()
    {
        var name = $"su{Guid.NewGuid():N}"[..12];
        var created = await app.Anonymous().PostJsonAsync("/api/saas/sign-up",
            new { name, displayName = "小微企业 " + name, adminEmail = $"boss@{name}.cn", adminPassword = "Boss1234!" }, HttpStatusCode.Created);
        created.Str("edition").ShouldBe("Free");
        var admin = await app.LoginAsync(name, $"boss@{name}.cn", "Boss1234!");
        return (name, created.Str("id"), admin);
    }

    private async Task<HttpResponseMessage> PostWebhookAsync(string payload, string secret = BizSuiteFactory.BillingWebhookSecret)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/saas/stripe/webhook") { Content = new StringContent(payload, Encoding.UTF8, "application/json") };
        request.Headers.Add("Stripe-Signature", FakeStripe.Sign(payload, secret));
        return await app.CreateClient().SendAsync(request);
    }

    private async Task<string> DeliverAsync(string type, DateTimeOffset created, Dictionary<string, object?> dataObject) =>
        (await (await PostWebhookAsync(FakeStripe.BillingEvent("evt_" + Guid.NewGuid().ToString("N"), type, created, dataObject))).JsonAsync(HttpStatusCode.OK))
        .Str("outcome");

    private static Dictionary<string, object?> CompletedCheckout(string tenantId, string edition, string customer, string subscription) => new()
    {
        ["id"] = "cs_test_" + Guid.NewGuid().ToString("N"),
        ["object"] = "checkout.session",
        ["mode"] = "subscription",
        ["status"] = "complete",
        ["payment_status"] = "paid",
        ["client_reference_id"] = tenantId,
        ["customer"] = customer,
        ["subscription"] = subscription,
        ["metadata"] = new Dictionary<string, string> { ["tenant_id"] = tenantId, ["edition"] = edition },
    };

    private static Dictionary<string, object?> FailedInvoice(string customer) => new()
    {
        ["id"] = "in_" + Guid.NewGuid().ToString("N"),
        ["object"] = "invoice",
        ["customer"] = customer,
        ["status"] = "open",
    };

    /// <summary>A signed-up tenant that bought Standard through Checkout: customer and subscription ids are its own.</summary>
    private async Task<(string TenantId, HttpClient Admin, string Customer, string SubscriptionId, DateTimeOffset At)> StandardTenantAsync()
    {
        var (_, tenantId, admin) = await SignUpAsync();
        var customer = "cus_" + Guid.NewGuid().ToString("N")[..12];
        var subscription = "sub_" + Guid.NewGuid().ToString("N")[..12];
        var at = DateTimeOffset.UtcNow.AddMinutes(-10);
        (await DeliverAsync("checkout.session.completed", at, CompletedCheckout(tenantId, "Standard", customer, subscription))).ShouldBe("Standard Active");
        return (tenantId, admin, customer, subscription, at);
    }

    private static Task<JsonElement> PlanAsync(HttpClient admin) => admin.GetJsonAsync("/api/saas/subscription");

    private static object NewUser(string userName) =>
        new { userName, email = $"{userName}@example.cn", name = userName, password = "Passw0rd!", isActive = true, roleNames = Array.Empty<string>() };

    [Fact]
    public async Task A_company_signs_up_on_the_free_edition_and_its_admin_cannot_use_modules_outside_it()
    {
        var anonymous = app.Anonymous();
        (await anonymous.PostJsonAsync("/api/saas/sign-up", new { name = "-bad name", displayName = "", adminEmail = "not-an-email", adminPassword = "x" },
            HttpStatusCode.BadRequest)).GetProperty("errors").EnumerateObject().Select(e => e.Name).ShouldBe(["name", "displayName", "adminEmail"], ignoreOrder: true);

        var (name, tenantId, admin) = await SignUpAsync();
        (await anonymous.PostJsonAsync("/api/saas/sign-up", new { name, displayName = "again", adminEmail = "x@again.cn", adminPassword = "Boss1234!" },
            HttpStatusCode.Conflict)).Str("code").ShouldBe("Saas:DuplicateTenantName");

        (await admin.GetAsync("/api/crm/customers")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await admin.GetAsync("/api/oa/announcements")).StatusCode.ShouldBe(HttpStatusCode.OK);
        foreach (var (url, module) in new[] { ("/api/orders/sales-orders", "Orders"), ("/api/finance/invoices", "Finance"), ("/api/hr/employees", "Hr"), ("/api/identity/api-keys", "ApiKeys") })
        {
            var problem = await admin.GetJsonAsync(url, HttpStatusCode.Forbidden);
            problem.Str("code").ShouldBe("Saas:ModuleNotInEdition");
            problem.Str("detail").ShouldContain(module);
        }

        var plan = await PlanAsync(admin);
        plan.Str("edition").ShouldBe("Free");
        plan.Str("status").ShouldBe("Active");
        plan.GetProperty("lockedModules").EnumerateArray().Select(m => m.GetString()).ShouldBe(["ApiKeys", "Finance", "Hr", "Inventory", "Orders", "Purchasing", "Webhooks"]);
        plan.GetProperty("users").GetInt64().ShouldBe(1);
        plan.GetProperty("maxUsers").GetInt32().ShouldBe(3);
        // By rank; other tests' editions rank after these.
        plan.GetProperty("editions").EnumerateArray().Take(3).Select(e => (e.Str("name"), e.GetProperty("forSale").GetBoolean()))
            .ShouldBe([("Free", false), ("Standard", true), ("Professional", true)]);

        // The host admin sees the plan of every tenant and may move one.
        var host = await app.HostAdminAsync();
        var listed = (await host.GetJsonAsync($"/api/saas/tenants?filter={name}")).GetProperty("items").EnumerateArray().Single();
        (listed.Str("edition"), listed.Str("subscriptionStatus")).ShouldBe(("Free", "Active"));
        (await host.PutJsonAsync($"/api/saas/tenants/{tenantId}/edition", new { edition = "Gold" }, HttpStatusCode.BadRequest)).Str("code").ShouldBe("Saas:UnknownEdition");
        (await host.PutJsonAsync($"/api/saas/tenants/{tenantId}/edition", new { edition = "Standard" })).Str("edition").ShouldBe("Standard");
        (await admin.GetAsync("/api/orders/sales-orders")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await admin.GetAsync("/api/hr/employees")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Sign_ups_from_one_address_are_limited_per_hour()
    {
        await using var strict = app.WithWebHostBuilder(b => b.UseSetting("Saas:SignUpsPerHourPerAddress", "2"));
        var client = strict.CreateClient();
        object Company() => new { name = $"r{Guid.NewGuid():N}"[..12], displayName = "限流测试公司", adminEmail = "boss@example.com", adminPassword = "Admin123!" };
        await client.PostJsonAsync("/api/saas/sign-up", Company(), HttpStatusCode.Created);
        await client.PostJsonAsync("/api/saas/sign-up", Company(), HttpStatusCode.Created);
        var refused = await client.PostAsJsonAsync("/api/saas/sign-up", Company());
        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        refused.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task Users_beyond_the_edition_limit_are_refused()
    {
        var (_, _, admin) = await SignUpAsync();
        await admin.PostJsonAsync("/api/identity/users", NewUser("u1"), HttpStatusCode.Created);
        await admin.PostJsonAsync("/api/identity/users", NewUser("u2"), HttpStatusCode.Created);
        var problem = await admin.PostJsonAsync("/api/identity/users", NewUser("u3"), HttpStatusCode.UnprocessableEntity);
        problem.Str("code").ShouldBe("Saas:UserLimitReached");
        problem.Str("detail").ShouldBe("The Free edition allows 3 users. Upgrade the subscription to add more.");
        (await PlanAsync(admin)).GetProperty("users").GetInt64().ShouldBe(3);
    }

    [Fact]
    public async Task Two_users_created_at_once_for_the_last_free_place_do_not_both_get_it()
    {
        var admin = await TenantOnOwnEditionAsync("Crm,Oa", maxUsers: 2, maxStorageMb: 100);
        for (var round = 0; round < 3; round++)
        {
            var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => admin.PostAsJsonAsync("/api/identity/users", NewUser($"r{round}u{i}"))));
            answers.Count(a => a.StatusCode == HttpStatusCode.Created).ShouldBe(round == 0 ? 1 : 0);
            answers.Count(a => a.StatusCode == HttpStatusCode.UnprocessableEntity).ShouldBe(round == 0 ? 3 : 4);
        }
        (await PlanAsync(admin)).GetProperty("users").GetInt64().ShouldBe(2);
    }

    /// <summary>A host-created tenant moved to an edition of the calling test only, with small limits.</summary>
    private async Task<HttpClient> TenantOnOwnEditionAsync(string modules, int maxUsers, int maxStorageMb)
    {
        var edition = $"Tiny{Guid.NewGuid():N}"[..16];
        await app.ScalarAsync("INSERT INTO saas_editions (Id, Name, Modules, MaxUsers, MaxStorageMb, MonthlyPrice, Currency, `Rank`) " +
            "VALUES (UUID(), @n, @m, @u, @s, 0, 'CNY', 9)", ("@n", edition), ("@m", modules), ("@u", maxUsers), ("@s", maxStorageMb));
        var name = await app.CreateTenantAsync("st");
        var host = await app.HostAdminAsync();
        var tenantId = (await host.GetJsonAsync($"/api/saas/tenants?filter={name}")).GetProperty("items")[0].Str("id");
        await host.PutJsonAsync($"/api/saas/tenants/{tenantId}/edition", new { edition });
        return await app.LoginAsync(name, "admin", "Admin123!");
    }

    [Fact]
    public async Task Hiring_beyond_the_edition_user_limit_is_refused_and_the_hire_is_undone()
    {
        var admin = await TenantOnOwnEditionAsync("Crm,Oa,Hr", maxUsers: 1, maxStorageMb: 10);
        var department = await admin.PostJsonAsync("/api/hr/departments", new { name = "研发部", code = "RD" }, HttpStatusCode.Created);
        var opening = await admin.PostJsonAsync("/api/hr/job-openings", new { title = "工程师", departmentId = department.Str("id"), headcount = 1 },
            HttpStatusCode.Created);
        var candidate = await admin.PostJsonAsync("/api/hr/candidates",
            new { name = "吴新人", email = "newbie@example.test", phone = "13900000000", openingId = opening.Str("id") }, HttpStatusCode.Created);
        var id = candidate.Str("id");
        await admin.PostJsonAsync($"/api/hr/candidates/{id}/move", new { stage = "Screening" });
        await admin.PostJsonAsync($"/api/hr/candidates/{id}/move", new { stage = "Interview" });
        await admin.PostJsonAsync($"/api/hr/candidates/{id}/offer",
            new { monthlySalary = 20000m, startDate = "2026-12-01", position = "工程师", departmentId = department.Str("id") });
        await admin.PostJsonAsync($"/api/oa/approvals/{await HrTests.PendingOfferApprovalAsync(admin)}/approve", new { comment = "同意" });

        (await admin.PostJsonAsync($"/api/hr/candidates/{id}/hire", new { }, HttpStatusCode.UnprocessableEntity)).Str("code").ShouldBe("Saas:UserLimitReached");
        (await admin.GetJsonAsync($"/api/hr/candidates/{id}")).Str("stage").ShouldBe("Offer");
        (await admin.GetJsonAsync("/api/hr/employees")).GetProperty("totalCount").GetInt64().ShouldBe(0);
    }

    [Fact]
    public async Task Uploads_beyond_the_edition_storage_are_refused()
    {
        // 1 MB of storage, so two receipts fill it.
        var admin = await TenantOnOwnEditionAsync("Crm,Oa,Hr", maxUsers: 5, maxStorageMb: 1);

        var receipt = new byte[600 * 1024];
        "%PDF-1.4\n"u8.CopyTo(receipt);
        async Task<HttpResponseMessage> UploadAsync()
        {
            using var form = new MultipartFormDataContent();
            var file = new ByteArrayContent(receipt);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            form.Add(file, "file", "receipt.pdf");
            return await admin.PostAsync("/api/hr/expense-claims/attachments", form);
        }
        await (await UploadAsync()).JsonAsync(HttpStatusCode.Created);
        (await (await UploadAsync()).JsonAsync(HttpStatusCode.UnprocessableEntity)).Str("code").ShouldBe("Saas:StorageLimitReached");
        (await PlanAsync(admin)).GetProperty("storageBytes").GetInt64().ShouldBe(600 * 1024);
    }

    [Fact]
    public async Task A_member_sees_the_plan_but_cannot_start_a_checkout_or_open_the_billing_portal()
    {
        var (name, _, admin) = await SignUpAsync();
        await admin.PostJsonAsync("/api/identity/users", new
        {
            userName = "zhao", email = "zhao@example.test", name = "赵员工", password = "Member123!", isActive = true, roleNames = new[] { "member" },
        }, HttpStatusCode.Created);
        var member = await app.LoginAsync(name, "zhao", "Member123!");

        (await PlanAsync(member)).Str("edition").ShouldBe("Free");
        var before = app.Stripe.Requests.Count;
        await member.PostJsonAsync("/api/saas/subscription/checkout", new { edition = "Standard" }, HttpStatusCode.Forbidden);
        await member.PostJsonAsync("/api/saas/subscription/portal", new { }, HttpStatusCode.Forbidden);
        app.Stripe.Requests.Count.ShouldBe(before, "nothing reaches Stripe");
    }

    [Fact]
    public async Task Upgrading_creates_a_subscription_checkout_at_stripe_and_the_completed_event_five_times_changes_the_plan_once()
    {
        var (_, tenantId, admin) = await SignUpAsync();
        (await admin.PostJsonAsync("/api/saas/subscription/checkout", new { edition = "Free" }, HttpStatusCode.UnprocessableEntity))
            .Str("code").ShouldBe("Saas:EditionNotForSale");
        (await admin.PostJsonAsync("/api/saas/subscription/portal", new { }, HttpStatusCode.UnprocessableEntity)).Str("code").ShouldBe("Saas:NoBillingAccount");

        var before = app.Stripe.Requests.Count;
        var checkout = await admin.PostJsonAsync("/api/saas/subscription/checkout", new { edition = "Standard" });
        checkout.Str("url").ShouldStartWith("https://checkout.stripe.test/c/pay/cs_test_");
        var request = app.Stripe.Requests.Skip(before).ShouldHaveSingleItem();
        request.Path.ShouldBe("/v1/checkout/sessions");
        request.Authorization.ShouldBe("Bearer sk_test_platform");
        request.Form["mode"].ShouldBe("subscription");
        request.Form["line_items[0][price]"].ShouldBe("price_standard");
        request.Form["line_items[0][quantity]"].ShouldBe("1");
        request.Form["client_reference_id"].ShouldBe(tenantId);
        request.Form["subscription_data[metadata][tenant_id]"].ShouldBe(tenantId);
        request.Form["success_url"].ShouldEndWith("/saas/subscription");
        (await admin.GetAsync("/api/orders/sales-orders")).StatusCode.ShouldBe(HttpStatusCode.Forbidden, "nothing changes before Stripe says it is paid");

        var payload = FakeStripe.BillingEvent("evt_" + Guid.NewGuid().ToString("N"), "checkout.session.completed", DateTimeOffset.UtcNow,
            CompletedCheckout(tenantId, "Standard", "cus_checkout1", "sub_checkout1"));
        var forged = await PostWebhookAsync(payload, "whsec_someone_else");
        (await forged.JsonAsync(HttpStatusCode.BadRequest)).Str("code").ShouldBe("Saas:InvalidWebhook");
        (await app.ScalarAsync("SELECT COUNT(*) FROM saas_stripe_events WHERE TenantId = @t", ("@t", tenantId))).ShouldBe(0);

        var outcomes = new List<string>();
        for (var i = 0; i < 5; i++) outcomes.Add((await (await PostWebhookAsync(payload)).JsonAsync(HttpStatusCode.OK)).Str("outcome"));
        outcomes.ShouldBe(["Standard Active", "Duplicate", "Duplicate", "Duplicate", "Duplicate"]);
        (await app.ScalarAsync("SELECT COUNT(*) FROM saas_stripe_events WHERE TenantId = @t", ("@t", tenantId))).ShouldBe(1);

        (await PlanAsync(admin)).Str("edition").ShouldBe("Standard");
        (await admin.GetAsync("/api/orders/sales-orders")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var portal = await admin.PostJsonAsync("/api/saas/subscription/portal", new { });
        portal.Str("url").ShouldStartWith("https://billing.stripe.test/p/session/");
        var portalRequest = app.Stripe.Requests.Last();
        portalRequest.Path.ShouldBe("/v1/billing_portal/sessions");
        portalRequest.Form["customer"].ShouldBe("cus_checkout1");
        (await admin.PostJsonAsync("/api/saas/subscription/checkout", new { edition = "Professional" }, HttpStatusCode.Conflict))
            .Str("code").ShouldBe("Saas:ChangePlanInPortal");
    }

    [Fact]
    public async Task An_older_subscription_update_arriving_after_a_newer_one_changes_nothing()
    {
        var (tenantId, admin, customer, subscription, at) = await StandardTenantAsync();
        var newerEnd = DateTimeOffset.UtcNow.AddDays(30);
        (await DeliverAsync("customer.subscription.updated", at.AddSeconds(20),
            FakeStripe.Subscription(subscription, customer, tenantId, "price_professional", "active", newerEnd))).ShouldBe("Professional Active");
        (await DeliverAsync("customer.subscription.updated", at.AddSeconds(10),
            FakeStripe.Subscription(subscription, customer, tenantId, "price_standard", "past_due", DateTimeOffset.UtcNow.AddDays(2)))).ShouldBe("Stale");

        var plan = await PlanAsync(admin);
        (plan.Str("edition"), plan.Str("status")).ShouldBe(("Professional", "Active"));
        plan.GetProperty("currentPeriodEnd").GetDateTime().ShouldBe(newerEnd.UtcDateTime, TimeSpan.FromSeconds(1));
        (await admin.GetAsync("/api/hr/employees")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_failed_payment_gives_a_grace_period_then_the_tenant_is_read_only_until_it_pays()
    {
        var (_, admin, customer, subscription, at) = await StandardTenantAsync();
        (await DeliverAsync("invoice.payment_failed", at.AddSeconds(5), FailedInvoice(customer))).ShouldBe("Standard PastDue");
        var plan = await PlanAsync(admin);
        plan.Str("status").ShouldBe("PastDue");
        plan.GetProperty("graceEndsAt").GetDateTime().ShouldBe(at.AddSeconds(5).AddDays(7).UtcDateTime, TimeSpan.FromSeconds(1));
        await admin.PostJsonAsync("/api/identity/users", NewUser("during-grace"), HttpStatusCode.Created);

        app.Clock.Offset = TimeSpan.FromDays(8);
        (await PlanAsync(admin)).Str("status").ShouldBe("ReadOnly");
        (await admin.PostJsonAsync("/api/identity/users", NewUser("after-grace"), HttpStatusCode.PaymentRequired)).Str("code").ShouldBe("Saas:TenantReadOnly");
        (await admin.GetAsync("/api/identity/users")).StatusCode.ShouldBe(HttpStatusCode.OK, "reading goes on");
        (await admin.GetAsync("/api/crm/customers")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await admin.PostJsonAsync("/api/saas/subscription/portal", new { })).Str("url").ShouldStartWith("https://billing.stripe.test/");

        // Paid in the portal: Stripe reports the subscription active again.
        (await DeliverAsync("customer.subscription.updated", at.AddSeconds(30),
            FakeStripe.Subscription(subscription, customer, "", "price_standard", "active", DateTimeOffset.UtcNow.AddDays(30)))).ShouldBe("Standard Active");
        await admin.PostJsonAsync("/api/identity/users", NewUser("after-paying"), HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_deleted_subscription_moves_the_tenant_back_to_free()
    {
        var (tenantId, admin, customer, subscription, at) = await StandardTenantAsync();
        (await admin.GetAsync("/api/finance/invoices")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await DeliverAsync("customer.subscription.deleted", at.AddSeconds(5),
            FakeStripe.Subscription(subscription, customer, tenantId, "price_standard", "canceled", DateTimeOffset.UtcNow))).ShouldBe("Free Canceled");
        (await PlanAsync(admin)).Str("edition").ShouldBe("Free");
        (await admin.GetJsonAsync("/api/finance/invoices", HttpStatusCode.Forbidden)).Str("code").ShouldBe("Saas:ModuleNotInEdition");
    }
}
