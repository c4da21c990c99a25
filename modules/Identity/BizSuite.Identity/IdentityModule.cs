using BizSuite.Identity.Account;
using BizSuite.Identity.ApiKeys;
using BizSuite.Identity.Data;
using BizSuite.Identity.Impersonations;
using BizSuite.Identity.Roles;
using BizSuite.Identity.SecurityLog;
using BizSuite.Identity.Users;
using BizSuite.Kernel;
using BizSuite.Saas;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace BizSuite.Identity;

public sealed class IdentityModule : BizModule
{
    internal const string LoginRateLimit = "login";

    public override void ConfigureServices(ModuleServices context)
    {
        var services = context.Services;
        context.AddDbContext<IdentityDbContext>();
        // Lockout stops guessing one user's password; this slows an address that tries many users (Identity:LoginsPerMinutePerAddress).
        services.AddPerAddressPolicy(LoginRateLimit, context.Configuration.GetValue("Identity:LoginsPerMinutePerAddress", 60), TimeSpan.FromMinutes(1));
        services.Configure<JwtOptions>(context.Configuration.GetSection("Jwt"));
        services.AddScoped<IPasswordHasher<User>, PasswordHasher<User>>();
        services.AddScoped<PasswordPolicy>();
        services.AddScoped<TokenIssuer>();
        services.AddScoped<TwoFactor>();
        services.AddScoped<Sessions>();
        services.AddScoped<SecurityLogService>();
        services.AddScoped<AccountService>();
        services.AddScoped<ImpersonationService>();
        services.AddScoped<IUserAppService, UserAppService>();
        services.AddScoped<IUsageMeter, UserCount>();
        services.AddScoped<IRoleAppService, RoleAppService>();
        services.AddScoped<IUserDirectory, UserDirectory>();
        services.AddScoped<IPermissionStore, PermissionStore>();
        services.AddScoped<IdentitySeeder>();
        services.AddScoped<IDataSeedContributor, HostIdentitySeedContributor>();
        services.AddScoped<IDomainEventHandler<TenantCreated>, SeedIdentityWhenTenantCreated>();

        services.AddScoped<ApiKeyAppService>();
        services.AddAuthentication(ApiKeyAuthenticationHandler.SelectorScheme)
            .AddPolicyScheme(ApiKeyAuthenticationHandler.SelectorScheme, null, o => o.ForwardDefaultSelector = ApiKeyAuthenticationHandler.Select)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<JwtOptions>>((bearer, jwt) =>
            {
                if (jwt.Value.SigningKey.Length < 32)
                    throw new InvalidOperationException("Jwt:SigningKey must be set to at least 32 characters.");
                bearer.MapInboundClaims = false;
                bearer.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = jwt.Value.Issuer,
                    ValidAudience = jwt.Value.Audience,
                    IssuerSigningKey = jwt.Value.Key(),
                    NameClaimType = "name",
                    ClockSkew = TimeSpan.FromSeconds(30),
                };
                // A browser cannot set headers on a WebSocket: the live channel sends its token in the query string.
                bearer.Events = new JwtBearerEvents
                {
                    OnMessageReceived = c =>
                    {
                        if (c.HttpContext.Request.Path.StartsWithSegments(UserHub.Path) && c.Request.Query["access_token"] is [{ Length: > 0 } token])
                            c.Token = token;
                        return Task.CompletedTask;
                    },
                };
            });
    }

    public override void DefinePermissions(PermissionDefinitionContext context)
    {
        context.AddGroup("Identity", TenancySide.Both)
            .Add(IdentityPermissions.Users, IdentityPermissions.UsersCreate, IdentityPermissions.UsersUpdate, IdentityPermissions.UsersDelete)
            .Add(IdentityPermissions.Roles, IdentityPermissions.RolesCreate, IdentityPermissions.RolesUpdate, IdentityPermissions.RolesDelete, IdentityPermissions.RolesManagePermissions);
        // Keys for other systems belong to a tenant; the host side has no business API to open.
        context.AddGroup("Identity").Add(IdentityPermissions.ApiKeys).Add(IdentityPermissions.SecurityLog);
        context.AddGroup("Identity", TenancySide.Host).Add(IdentityPermissions.Impersonate);
    }

    public override void DefineSettings(SettingDefinitionContext context) => context
        .AddInteger(IdentitySettings.PasswordRequiredLength, 8, min: 6, max: 128)
        .Add(IdentitySettings.PasswordRequireUppercase, "false", v => v is "true" or "false")
        .Add(IdentitySettings.PasswordRequireSymbol, "false", v => v is "true" or "false")
        .AddInteger(IdentitySettings.LockoutMaxFailedAttempts, 5, min: 1, max: 100)
        .AddInteger(IdentitySettings.LockoutMinutes, 15, min: 1, max: 1440)
        .Add(IdentitySettings.TwoFactorRequired, "false", v => v is "true" or "false")
        .Add(IdentitySettings.ImpersonationAllowed, "true", v => v is "true" or "false");

    public override void MapEndpoints(IEndpointRouteBuilder api)
    {
        api.MapAccountEndpoints();
        api.MapUserEndpoints();
        api.MapApiKeyEndpoints();
        api.MapSecurityLogEndpoints();
        api.MapImpersonationEndpoints();
        api.MapRoleEndpoints();
    }
}
