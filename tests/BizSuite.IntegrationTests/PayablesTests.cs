using System.Net;
using System.Text.Json;
using BizSuite.Hr;
using BizSuite.Kernel;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace BizSuite.IntegrationTests;

/// <summary>Finance's side of an approved expense claim: the payable, its voucher, paying it once.</summary>
[Collection(ApiCollection.Name)]
public sealed class PayablesTests(BizSuiteFactory app)
{
    /// <summary>Finance's handler in a unit of work of its own, as the approving transaction runs it.</summary>
    private async Task ApproveClaimAsync(string tenant, Guid tenantId, ExpenseClaimApproved approved) =>
        await app.Service<UnitOfWorkRunner>().RunAsync(async (sp, ct) =>
        {
            using var _ = sp.GetRequiredService<ICurrentTenant>().Change(tenantId, tenant);
            foreach (var handler in sp.GetServices<IDomainEventHandler<ExpenseClaimApproved>>()) await handler.HandleAsync(approved, ct);
        });

    private static (string Account, decimal Debit, decimal Credit)[] Entries(JsonElement voucher) => voucher.GetProperty("lines").EnumerateArray()
        .Select(l => (l.Str("accountCode"), l.GetProperty("debit").GetDecimal(), l.GetProperty("credit").GetDecimal())).ToArray();

    [Fact]
    public async Task An_approved_claim_becomes_a_payable_with_its_voucher_and_paying_it_twice_is_refused()
    {
        var tenant = await app.CreateTenantAsync("pay");
        var admin = await app.LoginAsync(tenant, "admin", "Admin123!");
        var tenantId = Guid.Parse((await admin.GetJsonAsync("/api/account/me")).Str("tenantId"));
        var claimId = Guid.NewGuid();
        var approved = new ExpenseClaimApproved(claimId, "BX2026000001", Guid.NewGuid(), "李销售", "CNY", 380.50m,
            [new("差旅", "高铁", 300.50m), new("餐饮", "午餐", 80m)]);
        await ApproveClaimAsync(tenant, tenantId, approved);
        await ApproveClaimAsync(tenant, tenantId, approved); // a replay records nothing more

        var list = await admin.GetJsonAsync($"/api/finance/payables?sourceId={claimId}");
        list.GetProperty("totalCount").GetInt32().ShouldBe(1);
        var payable = list.GetProperty("items")[0];
        payable.Str("number").ShouldBe($"FK{DateTime.UtcNow.Year}000001");
        payable.Str("status").ShouldBe("Open");
        payable.Str("sourceType").ShouldBe("expense-claim");
        payable.GetProperty("amount").GetDecimal().ShouldBe(380.50m);
        var id = payable.Str("id");
        var recorded = (await admin.GetJsonAsync($"/api/finance/vouchers?sourceId={id}")).GetProperty("items").EnumerateArray().Single();
        Entries(recorded).ShouldBe([("6602", 300.50m, 0m), ("6602", 80m, 0m), ("2241", 0m, 380.50m)]);

        var paid = await admin.PostJsonAsync($"/api/finance/payables/{id}/pay", new { paidOn = "2026-11-30", reference = "网银 001" });
        paid.Str("status").ShouldBe("Paid");
        paid.Str("paidOn").ShouldBe("2026-11-30");
        var vouchers = (await admin.GetJsonAsync($"/api/finance/vouchers?sourceId={id}")).GetProperty("items").EnumerateArray().ToList();
        Entries(vouchers.Single(v => v.Str("sourceType") == "PayablePayment")).ShouldBe([("2241", 380.50m, 0m), ("1002", 0m, 380.50m)]);
        var balance = await admin.GetJsonAsync("/api/finance/reports/trial-balance?asOf=2026-12-31");
        balance.GetProperty("balanced").GetBoolean().ShouldBeTrue();

        var again = await admin.PostJsonAsync($"/api/finance/payables/{id}/pay", new { paidOn = "2026-12-01" }, HttpStatusCode.Conflict);
        again.Str("code").ShouldBe("Finance:PayableAlreadyPaid");
        (await app.ScalarAsync("SELECT COUNT(*) FROM finance_vouchers WHERE SourceId = @id", ("@id", id))).ShouldBe(2);
    }

    [Fact]
    public async Task Payables_need_their_permissions_and_stay_in_their_tenant()
    {
        var tenant = await app.CreateTenantAsync("pay");
        var admin = await app.LoginAsync(tenant, "admin", "Admin123!");
        var tenantId = Guid.Parse((await admin.GetJsonAsync("/api/account/me")).Str("tenantId"));
        var claimId = Guid.NewGuid();
        await ApproveClaimAsync(tenant, tenantId, new ExpenseClaimApproved(claimId, "BX2026000009", Guid.NewGuid(), "王五", "CNY", 50m, [new("交通", "出租车", 50m)]));
        var id = (await admin.GetJsonAsync($"/api/finance/payables?sourceId={claimId}")).GetProperty("items")[0].Str("id");

        var other = await app.LoginAsync(await app.CreateTenantAsync("pay"), "admin", "Admin123!");
        await other.GetJsonAsync($"/api/finance/payables/{id}", HttpStatusCode.NotFound);
        await other.PostJsonAsync($"/api/finance/payables/{id}/pay", new { }, HttpStatusCode.NotFound);

        var role = await admin.PostJsonAsync("/api/identity/roles", new { name = "viewer" }, HttpStatusCode.Created);
        await admin.PutJsonAsync($"/api/identity/roles/{role.Str("id")}/permissions", new { grantedPermissions = new[] { "Finance.Payables" } },
            HttpStatusCode.NoContent);
        await admin.PostJsonAsync("/api/identity/users", new { userName = "viewer", email = "viewer@x.test", name = "V", password = "Viewer123!", isActive = true,
            roleNames = new[] { "viewer" } }, HttpStatusCode.Created);
        var viewer = await app.LoginAsync(tenant, "viewer", "Viewer123!");
        await viewer.GetJsonAsync($"/api/finance/payables/{id}");
        await viewer.PostJsonAsync($"/api/finance/payables/{id}/pay", new { }, HttpStatusCode.Forbidden);
    }
}
