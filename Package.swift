// swift-tools-version: 6.1
import PackageDescription

let strictSwift: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("NonisolatedNonsendingByDefault"),
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "cairn",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "cairn", targets: ["Cairn"]),
        .executable(name: "cairn-fuzz", targets: ["CairnFuzz"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-configuration", from: "1.0.0", traits: ["YAML"]),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.8.0"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.5.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.0.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibUV",
            pkgConfig: "libuv",
            providers: [.apt(["libuv1-dev"])]
        ),
        .systemLibrary(
            name: "CRocksDB",
            pkgConfig: "rocksdb",
            providers: [.apt(["librocksdb-dev"])]
        ),
        .target(
            name: "Runtime",
            dependencies: [
                "CLibUV",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Configuration", package: "swift-configuration"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            swiftSettings: strictSwift
        ),
        .executableTarget(
            name: "Cairn",
            dependencies: [
                "Supervisors",
                "Store",
                "Engine",
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                "Runtime",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strictSwift
        ),
        .target(
            name: "Supervisors",
            dependencies: [
                "Runtime",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strictSwift
        ),
        .target(
            name: "Engine",
            dependencies: ["Runtime", "CRocksDB"],
            swiftSettings: strictSwift
        ),
        .target(
            name: "RESP",
            swiftSettings: strictSwift
        ),
        .target(
            name: "Store",
            dependencies: [
                "RESP", "Engine", "Runtime", "Supervisors",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strictSwift
        ),
        .target(
            name: "Fuzzing",
            dependencies: ["RESP", "Store", "Engine", "Runtime"],
            swiftSettings: strictSwift
        ),
        .executableTarget(
            name: "CairnFuzz",
            dependencies: ["Fuzzing", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: strictSwift
        ),
        .target(
            name: "TestSupport",
            dependencies: ["Runtime", "RESP"],
            path: "Tests/TestSupport",
            swiftSettings: strictSwift
        ),
        .testTarget(
            name: "RuntimeTests",
            dependencies: ["Runtime", "TestSupport", .product(name: "Logging", package: "swift-log")],
            swiftSettings: strictSwift
        ),
        .testTarget(
            name: "SupervisorsTests",
            dependencies: [
                "Supervisors",
                "TestSupport",
                "Runtime",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strictSwift
        ),
        .testTarget(
            name: "EngineTests",
            dependencies: ["Engine", "TestSupport"],
            swiftSettings: strictSwift
        ),
        .testTarget(
            name: "RESPTests",
            dependencies: ["RESP", "TestSupport"],
            swiftSettings: strictSwift
        ),
        .testTarget(
            name: "StoreTests",
            dependencies: ["Store", "Engine", "RESP", "Runtime", "TestSupport"],
            swiftSettings: strictSwift
        ),
        .testTarget(
            name: "FuzzingTests",
            dependencies: ["Fuzzing", "RESP", "Store"],
            swiftSettings: strictSwift
        ),
        .testTarget(
            name: "IntegrationTests",
            dependencies: ["Runtime", "TestSupport"],
            exclude: ["Clients"],
            swiftSettings: strictSwift
        ),
    ]
)
