using Riok.Mapperly.Abstractions;

namespace BizSuite.Plugins.RobotNotifier;

/// <summary>
/// Entity → DTO mapping of the robot notifier (Mapperly; common.props says what fails the build).
/// The robot's secret never leaves: the DTO only says whether there is one.
/// </summary>
[Mapper(RequiredMappingStrategy = RequiredMappingStrategy.Target)]
internal static partial class RobotNotifierMapper
{
    [MapPropertyFromSource(nameof(RobotDto.HasSecret), Use = nameof(HasSecret))]
    public static partial RobotDto ToDto(this Robot robot);

    public static partial RobotMessageDto ToDto(this RobotMessage message);

    private static bool HasSecret(Robot robot) => robot.EncryptedSecret is not null;
}
