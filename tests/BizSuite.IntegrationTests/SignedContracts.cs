using System.Net;
using System.Text.Json;
using BizSuite.Finance.Receivables;
using BizSuite.Kernel;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace BizSuite.IntegrationTests;

/// <summary>A tenant with a signed contract, reached through the API the way users get there.</summary>
public sealed record SignedContract(string Tenant, HttpClient Admin, string ContractId, JsonElement Order)
{
    public const decimal GrossTotal = 121480m;

    /// <summary>121,480.00 gross: 4 servers at 25,000 + 13 % VAT and installation at 8,000 + 6 % VAT; by default 30 % on signing, 70 % on delivery.</summary>
    /// <param name="serverProductId">A catalogue product the server line was picked from (it has no product otherwise).</param>
    public static async Task<SignedContract> CreateAsync(BizSuiteFactory app, object[]? installments = null, string? tenant = null, string? customerId = null,
        string? serverProductId = null)
    {
        tenant ??= await app.CreateTenantAsync("f");
        var admin = await app.LoginAsync(tenant, "admin", "Admin123!");
        var id = await ApprovedAsync(admin, installments, customerId, serverProductId);
        await admin.PostJsonAsync($"/api/crm/contracts/{id}/sign", new { });
        var orders = await admin.GetJsonAsync($"/api/orders/sales-orders?contractId={id}");
        orders.GetProperty("totalCount").GetInt64().ShouldBe(1);
        return new SignedContract(tenant, admin, id, orders.GetProperty("items")[0]);
    }

    /// <summary>The same contract, submitted and approved but not yet signed; returns its id.</summary>
    public static async Task<string> ApprovedAsync(HttpClient admin, object[]? installments = null, string? customerId = null, string? serverProductId = null)
    {
        customerId ??= (await admin.PostJsonAsync("/api/crm/customers", new { name = "杭州某某科技有限公司" }, HttpStatusCode.Created)).Str("id");
        var contract = await admin.PostJsonAsync("/api/crm/contracts", new
        {
            title = "服务器与安装",
            customerId,
            lines = new[]
            {
                new { productId = serverProductId, description = "服务器", quantity = 4m, unitPrice = 25000m, discountRate = 0m, vatRate = 0.13m },
                new { productId = (string?)null, description = "安装调试", quantity = 1m, unitPrice = 8000m, discountRate = 0m, vatRate = 0.06m },
            },
            installments = installments ?? [new { trigger = "OnSigning", percentage = 30m }, new { trigger = "OnDelivery", percentage = 70m }],
        }, HttpStatusCode.Created);
        var id = contract.Str("id");
        await admin.PostJsonAsync($"/api/crm/contracts/{id}/submit", new { });
        await ApproveAsync(admin, id);
        return id;
    }

    /// <summary>Approves a submitted contract in OA, as the approver of its current step (a new tenant's contract flow asks the admin role).</summary>
    public static async Task<JsonElement> ApproveAsync(HttpClient approver, string contractId, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var approvalId = (await approver.GetJsonAsync($"/api/crm/contracts/{contractId}")).Str("approvalId");
        return await approver.PostJsonAsync($"/api/oa/approvals/{approvalId}/approve", new { }, expected);
    }

    public static async Task<JsonElement[]> InvoicesAsync(HttpClient client, string contractId) =>
        (await client.GetJsonAsync($"/api/finance/invoices?contractId={contractId}&sort=number")).GetProperty("items").EnumerateArray().ToArray();

    public static async Task<JsonElement> ReceivableAsync(HttpClient client, string contractId) =>
        (await client.GetJsonAsync($"/api/finance/receivables?contractId={contractId}")).GetProperty("items")[0];
}

public static class ReceivablesReview
{
    /// <summary>What the nightly schedule does for a tenant: the review job, run by the job worker, on a later day (the clock stays moved).</summary>
    public static async Task ReviewReceivablesAsync(this BizSuiteFactory app, string tenantId, TimeSpan later)
    {
        app.Clock.Offset = later;
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);
        await app.Service<UnitOfWorkRunner>().RunAsync((sp, _) =>
        {
            using (sp.GetRequiredService<ICurrentTenant>().Change(Guid.Parse(tenantId)))
                sp.GetRequiredService<JobQueue>().Enqueue(new ReviewReceivables(today));
            return Task.CompletedTask;
        });
        await app.RunDueJobsAsync();
    }
}
