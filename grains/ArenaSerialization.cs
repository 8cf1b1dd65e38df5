using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace Arena;

public static class ArenaSerialization
{
    /// <summary>
    /// The scoring model stays free of Orleans attributes, so Orleans carries its types with its System.Text.Json codec.
    /// </summary>
    public static IServiceCollection AddArenaSerialization(this IServiceCollection services) =>
        services.AddSerializer(s => s.AddJsonSerializer(
            isSupported: t => t.Namespace == "Arena.Scoring",
            jsonSerializerOptions: new JsonSerializerOptions(JsonSerializerDefaults.Web)));
}
