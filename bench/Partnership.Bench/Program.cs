using Partnership.Bench;

return args.FirstOrDefault() switch
{
    "companies" => await CompanySearchBenchmark.RunAsync(args[1..]),
    "outreach-import" => await OutreachImportBenchmark.RunAsync(args[1..]),
    "roster-import" => await RosterImportBenchmark.RunAsync(args[1..]),
    "dashboard" => await DashboardBenchmark.RunAsync(args[1..]),
    "search" => await SearchBenchmark.RunAsync(args[1..]),
    "surge" or "saturate" => await SurgeBenchmark.RunAsync(args[0], args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: dotnet run -c Release --project bench/Partnership.Bench -- companies [--count 100000] [--runs 200]");
    Console.Error.WriteLine("       dotnet run -c Release --project bench/Partnership.Bench -- surge [--applicants 5000] [--spread 60] [--budget-percent 33] [--url http://host:port]");
    Console.Error.WriteLine("       dotnet run -c Release --project bench/Partnership.Bench -- saturate [--applicants 2000] [--clients 64]");
    Console.Error.WriteLine("       dotnet run -c Release --project bench/Partnership.Bench -- outreach-import [--rows 10000]");
    Console.Error.WriteLine("       dotnet run -c Release --project bench/Partnership.Bench -- roster-import [--rows 80000]");
    Console.Error.WriteLine("       dotnet run -c Release --project bench/Partnership.Bench -- dashboard [--activities 1000000] [--runs 200] [--check] [--fresh]");
    Console.Error.WriteLine("       dotnet run -c Release --project bench/Partnership.Bench -- search [--count 10000] [--runs 200]");
    return 2;
}
