using BizSuite.Identity.Account;
using BizSuite.Identity.ApiKeys;
using BizSuite.Identity.Data;
using BizSuite.Identity.Roles;
using BizSuite.Identity.Users;
using BizSuite.Kernel;
using BizSuite.Saas;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace BizSuite.Identity;

public sealed class IdentityModule : BizModule
{
    public override void ConfigureServices(ModuleServices context)
    {
        var services = context.Services;
        context.AddDbContext<IdentityDbContext>();
        services.Configure<JwtOptions>(context.Configuration.GetSection("Jwt"));
        services.AddScoped<IPasswordHasher<User>, PasswordHasher<User>>();
        services.AddScoped<PasswordPolicy>();
        services.AddScoped<TokenIssuer>();
        services.AddScoped<AccountService>();
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
            });
    }

    public override void DefinePermissions(PermissionDefinitionContext context)
    {
        context.AddGroup("Identity", TenancySide.Both)
            .Add(IdentityPermissions.Users, IdentityPermissions.UsersCreate, IdentityPermissions.UsersUpdate, IdentityPermissions.UsersDelete)
            .Add(IdentityPermissions.Roles, IdentityPermissions.RolesCreate, IdentityPermissions.RolesUpdate, IdentityPermissions.RolesDelete, IdentityPermissions.RolesManagePermissions);
        // Keys for other systems belong to a tenant; the host side has no business API to open.
        context.AddGroup("Identity").Add(IdentityPermissions.ApiKeys);
    }

    public override void DefineSettings(SettingDefinitionContext context) => context
        .AddInteger(IdentitySettings.PasswordRequiredLength, 8, min: 6, max: 128)
        .AddInteger(IdentitySettings.LockoutMaxFailedAttempts, 5, min: 1, max: 100)
        .AddInteger(IdentitySettings.LockoutMinutes, 15, min: 1, max: 1440);

    public override void MapEndpoints(IEndpointRouteBuilder api)
    {
        var account = api.MapGroup("/account").WithTags("Account");
        account.MapPost("/login", (AccountService s, LoginRequest request, CancellationToken ct) => s.LoginAsync(request, ct)).AllowAnonymous().AllowWhenReadOnly();
        account.MapPost("/refresh", (AccountService s, RefreshRequest request, CancellationToken ct) => s.RefreshAsync(request, ct)).AllowAnonymous().AllowWhenReadOnly();
        account.MapPost("/logout", async (AccountService s, RefreshRequest request, CancellationToken ct) =>
        {
            await s.LogoutAsync(request, ct);
            return Results.NoContent();
        }).AllowAnonymous().AllowWhenReadOnly();
        account.MapGet("/me", (AccountService s, CancellationToken ct) => s.GetMeAsync(ct)).RequireAuthorization();

        var users = api.MapGroup("/identity/users").WithTags("Users").RequirePermission(IdentityPermissions.Users);
        users.MapGet("/", (IUserAppService s, [AsParameters] PageRequest page, CancellationToken ct) => s.GetListAsync(page, ct)).WithExcelExport();
        users.MapGet("/{id:guid}", (IUserAppService s, Guid id, CancellationToken ct) => s.GetAsync(id, ct));
        users.MapPost("/", async (IUserAppService s, CreateUserRequest request, CancellationToken ct) =>
        {
            var user = await s.CreateAsync(request, ct);
            return Results.Created($"/api/identity/users/{user.Id}", user);
        }).RequirePermission(IdentityPermissions.UsersCreate);
        users.MapPut("/{id:guid}", (IUserAppService s, Guid id, UpdateUserRequest request, CancellationToken ct) => s.UpdateAsync(id, request, ct))
            .RequirePermission(IdentityPermissions.UsersUpdate);
        users.MapDelete("/{id:guid}", async (IUserAppService s, Guid id, CancellationToken ct) =>
        {
            await s.DeleteAsync(id, ct);
            return Results.NoContent();
        }).RequirePermission(IdentityPermissions.UsersDelete);

        var apiKeys = api.MapGroup("/identity/api-keys").WithTags("API keys").RequirePermission(IdentityPermissions.ApiKeys)
            .BelongsToModule(SaasModules.ApiKeys); // sold with the larger plans, apart from the rest of Identity
        apiKeys.MapGet("/", (ApiKeyAppService s, CancellationToken ct) => s.GetListAsync(ct)).WithExcelExport();
        apiKeys.MapPost("/", async (ApiKeyAppService s, CreateApiKeyRequest request, CancellationToken ct) =>
        {
            var created = await s.CreateAsync(request, ct);
            return Results.Created($"/api/identity/api-keys/{created.ApiKey.Id}", created);
        });
        apiKeys.MapPost("/{id:guid}/revoke", (ApiKeyAppService s, Guid id, CancellationToken ct) => s.RevokeAsync(id, ct));

        var roles = api.MapGroup("/identity/roles").WithTags("Roles").RequirePermission(IdentityPermissions.Roles);
        roles.MapGet("/", (IRoleAppService s, [AsParameters] PageRequest page, CancellationToken ct) => s.GetListAsync(page, ct)).WithExcelExport();
        roles.MapGet("/{id:guid}", (IRoleAppService s, Guid id, CancellationToken ct) => s.GetAsync(id, ct));
        roles.MapPost("/", async (IRoleAppService s, SaveRoleRequest request, CancellationToken ct) =>
        {
            var role = await s.CreateAsync(request, ct);
            return Results.Created($"/api/identity/roles/{role.Id}", role);
        }).RequirePermission(IdentityPermissions.RolesCreate);
        roles.MapPut("/{id:guid}", (IRoleAppService s, Guid id, SaveRoleRequest request, CancellationToken ct) => s.UpdateAsync(id, request, ct))
            .RequirePermission(IdentityPermissions.RolesUpdate);
        roles.MapDelete("/{id:guid}", async (IRoleAppService s, Guid id, CancellationToken ct) =>
        {
            await s.DeleteAsync(id, ct);
            return Results.NoContent();
        }).RequirePermission(IdentityPermissions.RolesDelete);
        roles.MapGet("/{id:guid}/permissions", (IRoleAppService s, Guid id, CancellationToken ct) => s.GetPermissionsAsync(id, ct))
            .RequirePermission(IdentityPermissions.RolesManagePermissions);
        roles.MapPut("/{id:guid}/permissions", async (IRoleAppService s, Guid id, UpdateRolePermissionsRequest request, CancellationToken ct) =>
        {
            await s.UpdatePermissionsAsync(id, request, ct);
            return Results.NoContent();
        }).RequirePermission(IdentityPermissions.RolesManagePermissions);
    }
}
