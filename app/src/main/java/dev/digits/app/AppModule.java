package dev.digits.app;

import dev.digits.experiment.Plugins;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import dev.digits.app.cli.Command;
import dev.digits.experiment.console.Console;
import dev.digits.experiment.console.ProgressLine;
import dev.digits.app.commands.AdaptCommand;
import dev.digits.app.bench.BenchCommand;
import dev.digits.app.commands.DataCommand;
import dev.digits.app.commands.FeaturesCommand;
import dev.digits.app.commands.ListCommand;
import dev.digits.app.commands.PlotCommand;
import dev.digits.app.commands.PredictCommand;
import dev.digits.app.commands.StreamCommand;
import dev.digits.app.commands.TrainCommand;
import dev.digits.app.commands.RunCommand;
import dev.digits.app.commands.ServeCommand;
import dev.digits.app.commands.ValidateCommand;
import dev.digits.core.dataset.DatasetFetcher;
import dev.digits.core.dataset.DatasetLocator;
import dev.digits.core.fetch.Mirror;

/** Guice wiring: plugins from the class path, the dataset locator (fetching known datasets on first use), the console and every command. */
public final class AppModule extends AbstractModule {
    private final Console console;
    private final ClassLoader pluginLoader;

    public AppModule(Console console, ClassLoader pluginLoader) {
        this.console = console;
        this.pluginLoader = pluginLoader;
    }

    @Override
    protected void configure() {
        bind(Console.class).toInstance(console);
        Multibinder<Command> commands = Multibinder.newSetBinder(binder(), Command.class);
        commands.addBinding().to(ListCommand.class);
        commands.addBinding().to(DataCommand.class);
        commands.addBinding().to(FeaturesCommand.class);
        commands.addBinding().to(BenchCommand.class);
        commands.addBinding().to(PlotCommand.class);
        commands.addBinding().to(RunCommand.class);
        commands.addBinding().to(ValidateCommand.class);
        commands.addBinding().to(TrainCommand.class);
        commands.addBinding().to(AdaptCommand.class);
        commands.addBinding().to(PredictCommand.class);
        commands.addBinding().to(StreamCommand.class);
        commands.addBinding().to(ServeCommand.class);
    }

    @Provides
    @Singleton
    Plugins plugins() {
        return Plugins.discover(pluginLoader);
    }

    @Provides
    @Singleton
    DatasetLocator datasetLocator() {
        ProgressLine progress = new ProgressLine(console.err());
        return DatasetLocator.searchRoots().fetchingMissing(
                new DatasetFetcher(console.err()::println, progress.transfers(), Mirror.configured()), progress.transfers());
    }
}
