using BizSuite.Identity.ApiKeys;
using BizSuite.Identity.Users;
using Riok.Mapperly.Abstractions;

namespace BizSuite.Identity;

/// <summary>
/// Entity → DTO mapping of Identity (Mapperly; common.props says what fails the build).
/// What a DTO must never show (password hashes, key hashes, security stamps) is simply not mapped. Roles and their
/// permission tree stay mapped by hand in their service: names are localized and counts queried.
/// </summary>
[Mapper(RequiredMappingStrategy = RequiredMappingStrategy.Target)]
internal static partial class IdentityMapper
{
    /// <summary>The role names are the roles' own; the caller looks them up.</summary>
    public static partial UserDto ToDto(this User user, IReadOnlyList<string> roleNames);

    /// <summary>The permissions are stored comma-separated; the DTO lists them.</summary>
    [MapProperty(nameof(ApiKey.PermissionList), nameof(ApiKeyDto.Permissions))]
    public static partial ApiKeyDto ToDto(this ApiKey key);
}
