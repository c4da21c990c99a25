using System.Net;
using Shouldly;

namespace BizSuite.IntegrationTests;

/// <summary>
/// The issue's example rule: "when an invoice is overdue and 客户等级 = A, create a task for the sales owner". The nightly
/// receivables review announces each invoice overdue once; the event carries the customer's custom values and the contract's owner.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class InvoiceOverdueRuleTests(BizSuiteFactory app) : IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        app.Clock.Offset = TimeSpan.Zero;
        return Task.CompletedTask;
    }

    [Fact]
    public async Task An_overdue_invoice_of_a_level_A_customer_gives_its_sales_owner_a_task_once()
    {
        var tenant = await app.CreateTenantAsync("od");
        var admin = await app.LoginAsync(tenant, "admin", "Admin123!");
        var me = await admin.GetJsonAsync("/api/account/me");
        await admin.PostJsonAsync("/api/custom-fields/crm.customer", new
        {
            key = "level", type = "SingleSelect", labelZh = "客户等级", labelEn = "Customer level",
            options = new[] { new { value = "A", labelZh = "A 级", labelEn = "A" }, new { value = "B", labelZh = "B 级", labelEn = "B" } },
        }, HttpStatusCode.Created);
        var rule = await admin.PostJsonAsync("/api/automation/rules", new
        {
            name = "A 级客户逾期催收", isEnabled = true, eventType = "finance.invoice.overdue", match = "All",
            conditions = new[] { new { field = "customer.customFields.level", @operator = "Equals", value = "A" } },
            actions = new[] { new { type = "CreateTask", recipient = "Owner", title = "催收 {customerName} 的发票 {invoiceNumber}", dueInDays = 2 } },
        }, HttpStatusCode.Created);
        var levelA = await admin.PostJsonAsync("/api/crm/customers", new { name = "甲级客户", customFields = new { level = "A" } }, HttpStatusCode.Created);
        var levelB = await admin.PostJsonAsync("/api/crm/customers", new { name = "乙级客户", customFields = new { level = "B" } }, HttpStatusCode.Created);
        var a = await SignedContract.CreateAsync(app, tenant: tenant, customerId: levelA.Str("id"));
        await SignedContract.CreateAsync(app, tenant: tenant, customerId: levelB.Str("id"));
        var invoiceA = (await SignedContract.InvoicesAsync(admin, a.ContractId)).Single();

        // Not yet due (30 days' terms): nothing.
        await app.ReviewReceivablesAsync(me.Str("tenantId"), TimeSpan.FromDays(5));
        (await TasksAsync(admin)).ShouldBeEmpty();

        await app.ReviewReceivablesAsync(me.Str("tenantId"), TimeSpan.FromDays(32));
        var tasks = await TasksAsync(admin);
        tasks.ShouldBe([$"催收 甲级客户 的发票 {invoiceA.Str("number")}"], "the B customer's overdue invoice matches no rule");
        var runs = (await admin.GetJsonAsync($"/api/automation/runs?ruleId={rule.Str("id")}")).GetProperty("items").EnumerateArray().ToArray();
        runs.Select(r => r.Str("result")).ShouldBe(["Succeeded"]);
        runs[0].Str("eventType").ShouldBe("finance.invoice.overdue");

        // The next night's review announces nothing again.
        await app.ReviewReceivablesAsync(me.Str("tenantId"), TimeSpan.FromDays(33));
        (await TasksAsync(admin)).Length.ShouldBe(1);
        (await app.ScalarAsync("SELECT COUNT(*) FROM kernel_event_journal WHERE TenantId = @t AND EventType LIKE '%InvoiceOverdue'", ("@t", me.Str("tenantId"))))
            .ShouldBe(2, "one per overdue invoice, A's and B's");
    }

    private static async Task<string[]> TasksAsync(HttpClient client) =>
        (await client.GetJsonAsync("/api/oa/tasks?box=mine&take=100")).GetProperty("items").EnumerateArray().Select(t => t.Str("title")).ToArray();
}
