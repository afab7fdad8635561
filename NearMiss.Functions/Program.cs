using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

using NearMiss.Core;
using NearMiss.Functions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();

// Before Core adds its defaults: the host resolves %Setting% schedules from the app settings alone.
TimerScheduleSettings.RequireAll(typeof(Program).Assembly, builder.Configuration);

builder.UseMiddleware<SecurityHeaders.WorkerMiddleware>();
builder.UseMiddleware<StorageUnavailableMiddleware>();
builder.Services.AddNearMissCore(builder.Configuration);
builder.Services.AddNearMissHttpJson();
builder.Build().Run();
