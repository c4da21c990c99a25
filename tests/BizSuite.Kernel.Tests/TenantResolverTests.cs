using System.Security.Claims;
using BizSuite.Kernel;
using Microsoft.AspNetCore.Http;
using Shouldly;

namespace BizSuite.Kernel.Tests;

public sealed class TenantResolverTests
{
    private static readonly Guid TenantId = Guid.NewGuid();

    private static ClaimsPrincipal User(Guid? tenantId)
    {
        var claims = new List<Claim> { new("sub", Guid.NewGuid().ToString()) };
        if (tenantId is not null) claims.Add(new Claim(TenantResolver.TenantClaim, tenantId.ToString()!));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "Bearer"));
    }

    private static HeaderDictionary Header(string? tenant) => tenant is null ? new() : new() { [TenantResolver.TenantHeader] = tenant };

    [Fact]
    public void The_token_claim_wins_over_header_and_subdomain()
    {
        TenantResolver.Resolve(User(TenantId), Header("other"), "acme.bizsuite.example", "bizsuite.example")
            .ShouldBe(new TenantResolver.FromToken(TenantId));
    }

    [Fact]
    public void A_host_users_token_stays_on_the_host_whatever_the_header_says()
    {
        TenantResolver.Resolve(User(null), Header("acme"), null, null).ShouldBe(new TenantResolver.FromToken(null));
    }

    [Fact]
    public void Without_a_user_the_header_comes_before_the_subdomain()
    {
        TenantResolver.Resolve(new ClaimsPrincipal(), Header("demo"), "acme.bizsuite.example", "bizsuite.example")
            .ShouldBe(new TenantResolver.ByName("demo"));
    }

    [Theory]
    [InlineData("acme.bizsuite.example", "acme")]
    [InlineData("ACME.BizSuite.Example", "ACME")]
    public void The_subdomain_of_the_base_domain_names_the_tenant(string host, string expected)
    {
        TenantResolver.Resolve(new ClaimsPrincipal(), Header(null), host, "bizsuite.example").ShouldBe(new TenantResolver.ByName(expected));
    }

    [Theory]
    [InlineData("bizsuite.example")]
    [InlineData("a.b.bizsuite.example")]
    [InlineData("acme.other.example")]
    [InlineData("127.0.0.1")]
    public void Anything_else_is_the_host_side(string host)
    {
        TenantResolver.Resolve(new ClaimsPrincipal(), Header(null), host, "bizsuite.example").ShouldBeOfType<TenantResolver.Host>();
    }
}
