using BizSuite.Kernel;
using Microsoft.AspNetCore.Identity;

namespace BizSuite.Identity.Users;

/// <summary>Hashing from ASP.NET Core Identity; strength rules from the tenant's settings.</summary>
internal sealed class PasswordPolicy(SettingStore settings, IPasswordHasher<User> hasher)
{
    public async Task SetPasswordAsync(User user, string password, string field, CancellationToken cancellationToken)
    {
        var requiredLength = await settings.GetIntAsync(IdentitySettings.PasswordRequiredLength, cancellationToken);
        if (password.Length < requiredLength || !password.Any(char.IsLetter) || !password.Any(char.IsDigit))
            throw new BusinessException(IdentityErrors.PasswordTooWeak, Microsoft.AspNetCore.Http.StatusCodes.Status400BadRequest, requiredLength) { Field = field };
        user.SetPasswordHash(hasher.HashPassword(user, password));
    }

    public bool Verify(User user, string password) =>
        user.PasswordHash.Length > 0 && hasher.VerifyHashedPassword(user, user.PasswordHash, password) != PasswordVerificationResult.Failed;
}
