namespace Arena.Silo;

/// <summary>The node's data folder, <c>Arena:DataDir</c> (default <c>./data</c>, from the working directory): the SQLite
/// file, the keys, the certificate, the log files.</summary>
public static class DataFolder
{
    public static string Of(IConfiguration configuration) => Path.GetFullPath(configuration["Arena:DataDir"] ?? "./data");
}
