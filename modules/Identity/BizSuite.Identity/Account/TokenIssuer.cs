using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using BizSuite.Identity.Data;
using BizSuite.Identity.Impersonations;
using BizSuite.Identity.Users;
using BizSuite.Kernel;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace BizSuite.Identity.Account;

public sealed class JwtOptions
{
    public string SigningKey { get; set; } = "";
    public string Issuer { get; set; } = "BizSuite";
    public string Audience { get; set; } = "BizSuite";
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(14);

    internal SymmetricSecurityKey Key() => new(Encoding.UTF8.GetBytes(SigningKey));
}

public sealed record TokenResponse(string AccessToken, string RefreshToken, int ExpiresIn, string TokenType = "Bearer");

internal sealed class TokenIssuer(IdentityDbContext db, IOptions<JwtOptions> options, IHttpContextAccessor http, TimeProvider clock)
{
    /// <summary>
    /// An access and a refresh token of a session (family). An impersonation adds the host admin to the claims and
    /// ends both tokens no later than it ends.
    /// </summary>
    public TokenResponse Issue(User user, Guid familyId, Impersonation? impersonation = null)
    {
        var jwt = options.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        var claims = new List<Claim>
        {
            new(JwtRegisteredClaimNames.Sub, user.Id.ToString()),
            new(JwtRegisteredClaimNames.Name, user.UserName),
            new(JwtRegisteredClaimNames.Jti, Guid.NewGuid().ToString("N")),
            new(Sessions.SessionClaim, familyId.ToString()),
        };
        if (user.TenantId is { } tenantId) claims.Add(new Claim(TenantResolver.TenantClaim, tenantId.ToString()));
        var accessExpires = now + jwt.AccessTokenLifetime;
        var refreshExpires = now + jwt.RefreshTokenLifetime;
        if (impersonation is not null)
        {
            claims.Add(new Claim(ImpersonationClaims.ImpersonatorId, impersonation.HostUserId.ToString()));
            claims.Add(new Claim(ImpersonationClaims.ImpersonatorName, impersonation.HostUserName));
            claims.Add(new Claim(ImpersonationClaims.ImpersonationId, impersonation.Id.ToString()));
            if (impersonation.EndsAt < accessExpires) accessExpires = impersonation.EndsAt;
            refreshExpires = impersonation.EndsAt;
        }

        var accessToken = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = jwt.Issuer,
            Audience = jwt.Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now,
            NotBefore = now,
            Expires = accessExpires,
            SigningCredentials = new SigningCredentials(jwt.Key(), SecurityAlgorithms.HmacSha256),
        });

        var refreshToken = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        var request = http.HttpContext;
        db.RefreshTokens.Add(new RefreshToken(user.TenantId, user.Id, familyId, Hash(refreshToken), now, refreshExpires,
            request?.Request.Headers.UserAgent.ToString() is { Length: > 0 } agent ? agent : null, request?.Connection.RemoteIpAddress?.ToString(), impersonation?.Id));
        return new TokenResponse(accessToken, refreshToken, (int)(accessExpires - now).TotalSeconds);
    }

    public static string Hash(string refreshToken) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(refreshToken)));
}
