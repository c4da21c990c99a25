using System.Globalization;
using System.Text.Json;
using BizSuite.Kernel;
using Shouldly;

namespace BizSuite.Kernel.Tests;

public sealed class KernelPartsTests
{
    [Fact]
    public void Retry_delays_double_from_the_first_and_stop_at_the_cap()
    {
        var options = new JobOptions { FirstRetryDelay = TimeSpan.FromSeconds(10), MaxRetryDelay = TimeSpan.FromMinutes(1) };
        Enumerable.Range(1, 5).Select(options.RetryDelay).Select(d => d.TotalSeconds).ShouldBe([10, 20, 40, 60, 60]);
    }

    private sealed record Secretive(string UserName, [property: Sensitive] string Password) : IDomainEvent;

    [Fact]
    public void The_journal_masks_sensitive_properties()
    {
        var json = JsonSerializer.Serialize(new Secretive("zhang", "p@ss"), JournalJson.Options);
        json.ShouldBe("""{"userName":"zhang","password":"***"}""");
    }

    [Fact]
    public void Domain_event_scope_nests_and_restores_the_cause()
    {
        DomainEventScope.CurrentEventId.ShouldBeNull();
        var outer = Guid.NewGuid();
        var inner = Guid.NewGuid();
        using (DomainEventScope.Enter(outer))
        {
            using (DomainEventScope.Enter(inner)) DomainEventScope.CurrentEventId.ShouldBe(inner);
            DomainEventScope.CurrentEventId.ShouldBe(outer);
        }
        DomainEventScope.CurrentEventId.ShouldBeNull();
    }

    [Fact]
    public void A_permission_defined_twice_is_a_start_up_error()
    {
        var context = new PermissionDefinitionContext();
        var group = context.AddGroup("Crm").Add("Crm.Leads");
        Should.Throw<InvalidOperationException>(() => group.Add("Crm.Leads"));
    }

    [Fact]
    public void Host_side_permissions_are_never_offered_to_tenants()
    {
        var context = new PermissionDefinitionContext();
        context.AddGroup("Saas", TenancySide.Host).Add("Saas.Tenants");
        context.AddGroup("Crm").Add("Crm.Leads", "Crm.Leads.Create");
        context.AddGroup("Kernel", TenancySide.Both).Add("Kernel.Settings");
        var definitions = new PermissionDefinitions(context.Definitions);

        definitions.For(TenancySide.Tenant).Select(d => d.Name).ShouldBe(["Crm.Leads", "Crm.Leads.Create", "Kernel.Settings"]);
        definitions.For(TenancySide.Host).Select(d => d.Name).ShouldBe(["Saas.Tenants", "Kernel.Settings"]);
        definitions.Find("Crm.Leads.Create")!.Parent.ShouldBe("Crm.Leads");
    }

    [Fact]
    public void Page_requests_sort_descending_with_a_minus()
    {
        var page = new PageRequest(Sort: "-createdAt");
        page.Descending.ShouldBeTrue();
        page.SortField.ShouldBe("createdAt");
    }

    [Fact]
    public void Business_exceptions_carry_a_stable_code_status_and_field()
    {
        var error = new BusinessException("Crm:ContractAlreadySigned", 409, "C-001") { Field = "status" };
        (error.Code, error.StatusCode, error.Field, error.Args.Single()).ShouldBe(("Crm:ContractAlreadySigned", 409, "status", (object)"C-001"));
        new EntityNotFoundException("User", 7).StatusCode.ShouldBe(404);
    }
}

public sealed class PagingTests
{
    private sealed record Row(string Name, int Rank);

    private static readonly IQueryable<Row> Rows = new[] { new Row("b", 1), new Row("a", 3), new Row("c", 2) }.AsQueryable();

    [Theory]
    [InlineData(null, "a,b,c")]
    [InlineData("rank", "b,c,a")]
    [InlineData("-RANK", "a,c,b")]
    [InlineData("-name", "c,b,a")]
    [InlineData("unknown", "a,b,c")]
    public void Lists_sort_by_a_known_field_or_else_the_first(string? sort, string expected)
    {
        var sorted = Rows.SortBy(new PageRequest(Sort: sort), ("name", r => r.Name), ("rank", r => r.Rank));
        string.Join(",", sorted.Select(r => r.Name)).ShouldBe(expected);
    }
}
